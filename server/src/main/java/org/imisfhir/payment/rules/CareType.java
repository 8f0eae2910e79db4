package org.imisfhir.payment.rules;

/** Care type of a relative index or of a claim: both, in-patient, out-patient (openIMIS B/I/O). */
public enum CareType {
	BOTH("B"),
	IN_PATIENT("I"),
	OUT_PATIENT("O");

	private final String code;

	CareType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
