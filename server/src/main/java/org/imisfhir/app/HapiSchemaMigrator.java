package org.imisfhir.app;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates and upgrades HAPI FHIR's own schema with HAPI's migrator (the same tasks as
 * {@code hapi-fhir-cli migrate-database}) before Hibernate starts, on H2 and PostgreSQL alike.
 */
@Component("hapiSchemaMigrator")
public class HapiSchemaMigrator implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(HapiSchemaMigrator.class);
	static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";

	private final DataSource dataSource;

	public HapiSchemaMigrator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		DriverTypeEnum driverType = detectDriverType();
		long started = System.currentTimeMillis();
		HapiMigrator migrator = new HapiMigrator(MIGRATION_TABLE, dataSource, driverType);
		HapiFhirJpaMigrationTasks tasks = new HapiFhirJpaMigrationTasks(Collections.emptySet());
		migrator.addTasks(tasks.getAllTasks(VersionEnum.values()));
		migrator.createMigrationTableIfRequired();
		MigrationResult result = migrator.migrate();
		log.info(
				"Database schema is up to date ({}; {} migration tasks applied in {} ms)",
				driverType,
				result.succeededTasks.size(),
				System.currentTimeMillis() - started);
	}

	private DriverTypeEnum detectDriverType() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
			if (product.contains("postgres")) {
				return DriverTypeEnum.POSTGRES_9_4;
			}
			if (product.contains("h2")) {
				return DriverTypeEnum.H2_EMBEDDED;
			}
			throw new IllegalStateException("Unsupported database: " + product + " (use H2 or PostgreSQL)");
		}
	}
}
