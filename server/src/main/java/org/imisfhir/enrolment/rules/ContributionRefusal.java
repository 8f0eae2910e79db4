package org.imisfhir.enrolment.rules;

/** Why a contribution is not accepted. */
public enum ContributionRefusal {
	NOT_POSITIVE("not-positive"),
	PAID_AFTER_LAST_DATE_FOR_PAYMENT("paid-after-last-date-for-payment"),
	TOO_MANY_INSTALLMENTS("too-many-installments");

	private final String code;

	ContributionRefusal(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
