package org.imisfhir.enrolment.rules;

/** Accepted contributions that deserve the user's attention. */
public enum ContributionWarning {
	/** The contributions now exceed the policy value. */
	OVERPAID,
	/** The policy was activated on enforce with less than its value paid. */
	ENFORCED_BELOW_VALUE,
	/** The contribution leaves a balance; the policy waits for more. */
	BALANCE_DUE
}
