package org.imisfhir.enrolment.rules;

/** Why an insurance number (CHF ID) is refused. */
public enum InsuranceNumberRefusal {
	EMPTY("empty"),
	RESERVED("reserved"),
	WRONG_LENGTH("wrong-length"),
	NOT_NUMERIC("not-numeric"),
	BAD_CHECK_DIGIT("bad-check-digit"),
	/** The number has the form of a temporary number, which is never a permanent one. */
	TEMPORARY("temporary");

	private final String code;

	InsuranceNumberRefusal(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
