package org.imisfhir.payment.rules;

/** Length of a relative-pricing period (openIMIS M/Q/Y, stored as 12/4/1 periods a year). */
public enum PeriodType {
	MONTH("M", 12),
	QUARTER("Q", 4),
	YEAR("Y", 1);

	private final String code;
	private final int periodsPerYear;

	PeriodType(String code, int periodsPerYear) {
		this.code = code;
		this.periodsPerYear = periodsPerYear;
	}

	public String code() {
		return code;
	}

	public int periodsPerYear() {
		return periodsPerYear;
	}

	public int monthsPerPeriod() {
		return 12 / periodsPerYear;
	}
}
