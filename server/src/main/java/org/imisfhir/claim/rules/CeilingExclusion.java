package org.imisfhir.claim.rules;

/**
 * Whether an item or service is kept out of the ceiling: not at all, on hospital visits, on
 * non-hospital visits, or on both (openIMIS H/N/B; no value means none).
 */
public enum CeilingExclusion {
	NONE(""),
	HOSPITAL("H"),
	NON_HOSPITAL("N"),
	BOTH("B");

	private final String code;

	CeilingExclusion(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public boolean excludes(boolean hospitalVisit) {
		return this == BOTH || (hospitalVisit ? this == HOSPITAL : this == NON_HOSPITAL);
	}
}
