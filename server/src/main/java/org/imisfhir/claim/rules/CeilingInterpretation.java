package org.imisfhir.claim.rules;

/** What makes a claim a hospital visit for deductibles and ceilings: the claim spanning several days, or the facility being a hospital (openIMIS I/H). */
public enum CeilingInterpretation {
	CLAIM_TYPE("I"),
	FACILITY_LEVEL("H");

	private final String code;

	CeilingInterpretation(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
