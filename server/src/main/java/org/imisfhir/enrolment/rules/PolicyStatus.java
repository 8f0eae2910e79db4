package org.imisfhir.enrolment.rules;

/** Policy statuses with their openIMIS codes. */
public enum PolicyStatus {
	IDLE(1),
	ACTIVE(2),
	SUSPENDED(4),
	EXPIRED(8),
	READY(16);

	private final int code;

	PolicyStatus(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	/** Claims are covered by active policies and by expired ones whose cover included the target date. */
	public boolean coversClaims() {
		return this == ACTIVE || this == EXPIRED;
	}
}
