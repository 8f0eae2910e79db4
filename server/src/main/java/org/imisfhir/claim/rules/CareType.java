package org.imisfhir.claim.rules;

/** Care type of a facility or of an item or service: in-patient, out-patient or both (openIMIS I/O/B). */
public enum CareType {
	IN_PATIENT("I"),
	OUT_PATIENT("O"),
	BOTH("B");

	private final String code;

	CareType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
