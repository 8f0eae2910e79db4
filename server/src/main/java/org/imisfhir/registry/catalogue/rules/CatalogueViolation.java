package org.imisfhir.registry.catalogue.rules;

import org.imisfhir.outcome.RuleViolation;

/** Precise reasons the catalogue (services, items, price lists) refuses a write or an import row. */
public enum CatalogueViolation implements RuleViolation {
	CODE_TOO_LONG("code-too-long"),
	CODE_MISSING("code-missing"),
	IMPORT_FORMAT("import-format"),
	IMPORT_VALUE("import-value"),
	UNKNOWN_CODE("unknown-code");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-catalogue-error";

	private final String code;

	CatalogueViolation(String code) {
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

	/** Catalogue texts have their own prefix: codes such as code-too-long also exist in other areas. */
	@Override
	public String messageKey() {
		return "catalogue.detail." + code();
	}
}
