package org.imisfhir.programme.report;

import org.imisfhir.outcome.RuleViolation;

/** Why a programme report request is refused (CodeSystem terminology/imis/CodeSystem-imis-programme-report-error.json). */
public enum ProgrammeReportViolation implements RuleViolation {
	PROGRAMME_UNKNOWN("report-programme-unknown"),
	PERIOD_INVALID("report-period-invalid"),
	FACILITY_UNKNOWN("report-facility-unknown"),
	FORMAT_UNKNOWN("report-format-unknown");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-programme-report-error";

	private final String code;

	ProgrammeReportViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
