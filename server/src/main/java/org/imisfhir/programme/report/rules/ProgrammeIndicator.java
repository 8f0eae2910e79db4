package org.imisfhir.programme.report.rules;

/**
 * The monthly indicators of a programme report, with their codes in CodeSystem {@value #SYSTEM}
 * (terminology/imis) and the group of Measure {@code imis-programme-monthly} carrying each. Facility indicators
 * have a figure per health facility and a programme total; programme indicators (the vouchers, which belong to
 * no facility) only a programme figure.
 */
public enum ProgrammeIndicator {
	/** Insurees of the families whose policy of the programme was entered in the month (each counted once). */
	BENEFICIARIES_REGISTERED("beneficiaries-registered", true, false),
	/** Claim lines of the programme whose date of care is in the month. */
	SERVICES_RECORDED("services-recorded", true, false),
	/** Claims of the programme claimed in the month and submitted. */
	CLAIMS_SUBMITTED("claims-submitted", true, false),
	/** Claims of the programme claimed in the month and valuated. */
	CLAIMS_VALUATED("claims-valuated", true, false),
	/** Amount claimed by the submitted claims. */
	CLAIMS_CLAIMED_AMOUNT("claims-claimed-amount", true, true),
	/** Amount valuated of the valuated claims. */
	CLAIMS_VALUATED_AMOUNT("claims-valuated-amount", true, true),
	/** Vouchers created by an import in the month. */
	VOUCHERS_IMPORTED("vouchers-imported", false, false),
	/** Vouchers that became used in the month. */
	VOUCHERS_USED("vouchers-used", false, false),
	/** Vouchers that became cancelled in the month. */
	VOUCHERS_CANCELLED("vouchers-cancelled", false, false),
	/** Rows reported duplicate by the month's imports. */
	VOUCHERS_DUPLICATE("vouchers-duplicate", false, false);

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/programme-report-indicator";

	private final String code;
	private final boolean perFacility;
	private final boolean money;

	ProgrammeIndicator(String code, boolean perFacility, boolean money) {
		this.code = code;
		this.perFacility = perFacility;
		this.money = money;
	}

	public String code() {
		return code;
	}

	/** Reported per facility (and in total); otherwise on the programme's report only. */
	public boolean perFacility() {
		return perFacility;
	}

	/** An amount in the scheme currency rather than a count. */
	public boolean money() {
		return money;
	}
}
