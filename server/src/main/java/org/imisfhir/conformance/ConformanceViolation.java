package org.imisfhir.conformance;

import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.RuleViolation;

/** Precise reasons a write is refused for its profiles. */
public enum ConformanceViolation implements RuleViolation {
	PROFILE_REQUIRED("profile-required");

	private final String code;

	ConformanceViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return ErrorCode.SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
