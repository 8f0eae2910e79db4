package org.imisfhir.hmis;

import org.imisfhir.outcome.RuleViolation;

/** Why an HMIS indicator request is refused (CodeSystem terminology/imis/CodeSystem-imis-hmis-error.json). */
public enum HmisViolation implements RuleViolation {
	PERIOD_INVALID("period-invalid"),
	DISTRICT_UNKNOWN("district-unknown"),
	OUTPUT_UNKNOWN("output-unknown");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-hmis-error";

	private final String code;

	HmisViolation(String code) {
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
