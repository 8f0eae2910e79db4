package org.imisfhir.enrolment.rules;

/** What the user asks for when entering a contribution. */
public enum ContributionAction {
	/** Activate when the contributions reach the policy value, otherwise wait for more. */
	NORMAL,
	/** Activate even when the contributions stay below the policy value. */
	ENFORCE,
	/** Suspend the policy. */
	SUSPEND
}
