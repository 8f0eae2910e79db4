package org.imisfhir.claim.rules;

/** Gender of an insuree (openIMIS M/F/O). */
public enum Gender {
	MALE("M"),
	FEMALE("F"),
	OTHER("O");

	private final String code;

	Gender(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
