package org.imisfhir.claim.rules;

/** Visit type of a claim: emergency, referral or other (openIMIS E/R/O); it picks the limits of a product item or service. */
public enum VisitType {
	EMERGENCY("E"),
	REFERRAL("R"),
	OTHER("O");

	private final String code;

	VisitType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
