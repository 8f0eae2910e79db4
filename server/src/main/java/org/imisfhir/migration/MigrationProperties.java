package org.imisfhir.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the openIMIS migration under {@code imis.migration.*} (documented in docs/configuration.md). */
@ConfigurationProperties(prefix = "imis.migration")
public class MigrationProperties {

	/**
	 * A directory of CSV extracts (tblLocations.csv, tblInsuree.csv, ...): when set, the server imports it at
	 * start-up, logs the report and exits (the command form of the migration).
	 */
	private String source = "";

	/** The name of the legacy database, part of the resources' ids and legacy identifiers (letters, digits, -). */
	private String database = "openimis";

	/** The directory under which $import-openimis may read a server-side export (parameter directory); empty: never. */
	private String allowedDirectory = "";

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source == null ? "" : source.trim();
	}

	public String getDatabase() {
		return database;
	}

	public void setDatabase(String database) {
		this.database = database;
	}

	public String getAllowedDirectory() {
		return allowedDirectory;
	}

	public void setAllowedDirectory(String allowedDirectory) {
		this.allowedDirectory = allowedDirectory == null ? "" : allowedDirectory.trim();
	}
}
