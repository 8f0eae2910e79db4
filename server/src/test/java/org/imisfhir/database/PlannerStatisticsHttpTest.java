package org.imisfhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.imisfhir.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlannerStatisticsHttpTest extends HttpTestBase {

	@Autowired
	DataSource dataSource;

	@Test
	void tablesWrittenSinceTheirLastAnalyzeGetFreshStatisticsOnPostgresOnly() throws Exception {
		DatabaseProperties eager = new DatabaseProperties();
		eager.setStaleRows(5);
		eager.setStaleFraction(0);
		PlannerStatistics statistics = new PlannerStatistics(dataSource, eager);
		Instant start = Instant.now().minusSeconds(1);

		for (int i = 0; i < 10; i++) {
			client.create().resource(Fixtures.location(unique("PS"), "Statistics " + i, "R", null)).execute();
		}

		if (!TestDatabase.isPostgres()) {
			assertThat(statistics.refreshStale()).isEmpty();
			return;
		}
		// PostgreSQL counts the rows written a moment after their transaction ends
		long deadline = System.currentTimeMillis() + 30_000;
		boolean seen = false;
		while (!seen && System.currentTimeMillis() < deadline) {
			seen = statistics.refreshStale().contains("hfj_resource") || analyzedSince("hfj_resource", start);
			if (!seen) {
				Thread.sleep(500);
			}
		}
		assertThat(analyzedSince("hfj_resource", start)).as("hfj_resource analyzed after the writes").isTrue();
		// the audit trail may still be writing a few rows: with the default thresholds the table is up to date
		assertThat(new PlannerStatistics(dataSource, new DatabaseProperties()).refreshStale())
				.as("fresh with the default thresholds").doesNotContain("hfj_resource");
	}

	private boolean analyzedSince(String table, Instant start) throws Exception {
		try (Connection connection = dataSource.getConnection();
				Statement query = connection.createStatement();
				ResultSet row = query.executeQuery(
						"select last_analyze from pg_stat_user_tables where schemaname = current_schema() and relname = '" + table + "'")) {
			if (!row.next()) {
				return false;
			}
			Timestamp analyzed = row.getTimestamp(1);
			return analyzed != null && analyzed.toInstant().isAfter(start);
		}
	}
}
