package org.imisfhir.registry.catalogue.rules;

/** What an import did with one row. */
public enum RowOutcome {
	CREATED("created"),
	UPDATED("updated"),
	UNCHANGED("unchanged"),
	REFUSED("refused");

	private final String code;

	RowOutcome(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
