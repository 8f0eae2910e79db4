package org.imisfhir.claim.rules;

/** Status of a claim line after the checks (openIMIS 1 passed, 2 rejected). */
public enum LineStatus {
	PASSED(1),
	REJECTED(2);

	private final int code;

	LineStatus(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}
}
