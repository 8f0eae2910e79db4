package org.imisfhir.security;

import org.imisfhir.outcome.RuleViolation;

/** Why a signed-in user is refused (403, or 401 when a fresh sign-in is needed) (CodeSystem terminology/imis/CodeSystem-imis-security-error.json). */
public enum SecurityViolation implements RuleViolation {
	ROLE_NOT_ALLOWED("role-not-allowed"),
	NO_ROLE("no-role"),
	AUDIT_READ_ONLY("audit-read-only"),
	OUT_OF_SCOPE("out-of-scope"),
	EXPORT_TYPE_NOT_ALLOWED("export-type-not-allowed"),
	EXPORT_NOT_NARROWABLE("export-not-narrowable"),
	EXPORT_NOT_OWNER("export-not-owner"),
	PROGRAMME_NOT_ASSIGNED("programme-not-assigned"),
	EXPORT_PROGRAMME_LIMITED("export-programme-limited"),
	REAUTHENTICATION_REQUIRED("reauthentication-required");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-security-error";

	private final String code;

	SecurityViolation(String code) {
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
