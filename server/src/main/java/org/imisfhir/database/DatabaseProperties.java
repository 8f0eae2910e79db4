package org.imisfhir.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Database upkeep settings under {@code imis.database.*}; documented in docs/configuration.md. */
@ConfigurationProperties(prefix = "imis.database")
public class DatabaseProperties {

	/** On PostgreSQL, refresh the planner statistics of the server's tables when they have fallen behind. */
	private boolean refreshStatistics = true;
	/** How often the server looks for tables whose statistics have fallen behind, in milliseconds. */
	private long statisticsCheckMillis = 10_000;
	/** Rows written since the last ANALYZE before a table is looked at, whatever its size. */
	private long staleRows = 1_000;
	/** Share of a table's rows (at its last ANALYZE) written since, beyond which its statistics are refreshed. */
	private double staleFraction = 0.5;

	public boolean isRefreshStatistics() {
		return refreshStatistics;
	}

	public void setRefreshStatistics(boolean refreshStatistics) {
		this.refreshStatistics = refreshStatistics;
	}

	public long getStatisticsCheckMillis() {
		return statisticsCheckMillis;
	}

	public void setStatisticsCheckMillis(long statisticsCheckMillis) {
		this.statisticsCheckMillis = statisticsCheckMillis;
	}

	public long getStaleRows() {
		return staleRows;
	}

	public void setStaleRows(long staleRows) {
		this.staleRows = staleRows;
	}

	public double getStaleFraction() {
		return staleFraction;
	}

	public void setStaleFraction(double staleFraction) {
		this.staleFraction = staleFraction;
	}
}
