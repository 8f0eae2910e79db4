package org.imisfhir.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the server's tables (HAPI's {@code hfj_*}) in step with their size.
 * A table that grew from a few hundred rows to tens of thousands since its last ANALYZE looks to the planner as if
 * a handful of values filled it, and HAPI's searches by token hash then scan the whole table: during a catalogue
 * import into a new database the code look-up of each chunk went from 0.2 ms to 65 ms and kept growing. PostgreSQL's
 * autovacuum refreshes statistics, but it can be switched off, and it waits for its own turn. Every
 * {@code imis.database.statistics-check-millis} this reads PostgreSQL's own counters (one catalog query) and runs
 * ANALYZE on the tables with more than {@code stale-rows} plus {@code stale-fraction} of their size written since
 * the last one. It does nothing on other databases.
 */
@Component
@EnableConfigurationProperties(DatabaseProperties.class)
public class PlannerStatistics {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	private static final String STALE_TABLES = "select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid"
			+ " where s.schemaname = current_schema() and s.relname like 'hfj\\_%'"
			+ " and s.n_mod_since_analyze > ? + ? * greatest(c.reltuples, 0) order by s.relname";

	private final DataSource dataSource;
	private final DatabaseProperties properties;
	private volatile Boolean postgres;

	public PlannerStatistics(DataSource dataSource, DatabaseProperties properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Scheduled(
			initialDelayString = "${imis.database.statistics-check-millis:10000}",
			fixedDelayString = "${imis.database.statistics-check-millis:10000}")
	public void refreshScheduled() {
		try {
			refreshStale();
		} catch (SQLException e) {
			log.warn("Could not refresh the planner statistics: {}", e.getMessage());
		}
	}

	/** Runs ANALYZE on the tables whose statistics have fallen behind; gives their names. */
	public List<String> refreshStale() throws SQLException {
		if (!properties.isRefreshStatistics() || !isPostgres()) {
			return List.of();
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			List<String> stale = staleTables(connection);
			if (stale.isEmpty()) {
				return stale;
			}
			long start = System.nanoTime();
			try (Statement analyze = connection.createStatement()) {
				for (String table : stale) {
					analyze.execute("analyze " + table);
				}
			}
			log.info("Planner statistics refreshed in {} ms: {}", (System.nanoTime() - start) / 1_000_000, String.join(", ", stale));
			return stale;
		}
	}

	private List<String> staleTables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(STALE_TABLES)) {
			query.setLong(1, properties.getStaleRows());
			query.setDouble(2, properties.getStaleFraction());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String table = rows.getString(1);
					// Names come from the catalog and match hfj_ followed by letters and underscores.
					if (table.matches("hfj_[a-z0-9_]+")) {
						tables.add(table);
					}
				}
			}
		}
		return tables;
	}

	private boolean isPostgres() throws SQLException {
		if (postgres == null) {
			try (Connection connection = dataSource.getConnection()) {
				postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
			}
		}
		return postgres;
	}
}
