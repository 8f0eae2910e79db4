package org.imisfhir.programme.rules;

/** Why the programme rules refuse a policy or a claim. */
public enum ProgrammeRefusal {
	/** The family already holds an active policy of the same programme (one policy per programme). */
	SAME_PROGRAMME_ACTIVE,
	/** An active policy of another programme blocks this programme (e.g. CCS blocks PAL). */
	BLOCKED_BY_PROGRAMME,
	/** The claim's programme is not offered at the facility. */
	CLAIM_PROGRAMME_NOT_OFFERED,
	/** The insuree holds no policy of the claim's programme covering the date of care. */
	CLAIM_PROGRAMME_NOT_HELD,
	/** The claim names no programme while the facility and the insuree's policies allow several. */
	CLAIM_PROGRAMME_AMBIGUOUS
}
