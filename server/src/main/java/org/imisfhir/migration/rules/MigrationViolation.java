package org.imisfhir.migration.rules;

import org.imisfhir.outcome.RuleViolation;

/** Precise reasons the openIMIS migration refuses an export or one of its rows (code system imis-migration-error). */
public enum MigrationViolation implements RuleViolation {
	EXPORT_FORMAT("export-format"),
	NO_TABLE("no-table"),
	DIRECTORY_NOT_ALLOWED("directory-not-allowed"),
	DATABASE_NAME("database-name"),
	VALUE_INVALID("value-invalid"),
	VALUE_MISSING("value-missing"),
	DUPLICATE_ID("duplicate-id"),
	REFERENCE_UNKNOWN("reference-unknown"),
	RECORD_REFUSED("record-refused"),
	WITH_RECORD("with-record");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-migration-error";

	private final String code;

	MigrationViolation(String code) {
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

	@Override
	public String messageKey() {
		return "migration.detail." + code;
	}
}
