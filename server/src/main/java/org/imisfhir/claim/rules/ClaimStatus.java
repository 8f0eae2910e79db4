package org.imisfhir.claim.rules;

/** Status of a claim (openIMIS 1/2/4/8/16). */
public enum ClaimStatus {
	REJECTED(1),
	ENTERED(2),
	CHECKED(4),
	PROCESSED(8),
	VALUATED(16);

	private final int code;

	ClaimStatus(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}
}
