package org.imisfhir.enrolment.rules;

/** What a fully paid policy becomes (rule-decisions 10). */
public enum ActivationOption {
	/** Active at once, with an effective date. */
	ACTIVE,
	/** Ready, to be activated later. */
	READY
}
