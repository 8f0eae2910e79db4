package org.imisfhir.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which database the HTTP suite runs on: H2 by default, PostgreSQL when the system property
 * {@code imis.test.db=postgres} is set (the Maven failsafe run does). The PostgreSQL database is taken from
 * {@code IMIS_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/imis_test}) and created when the
 * server is reachable but the database does not exist yet.
 */
public final class TestDatabase {

	public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/imis_test";

	private TestDatabase() {}

	public static boolean isPostgres() {
		return "postgres".equalsIgnoreCase(System.getProperty("imis.test.db", "h2"));
	}

	public static String pgUrl() {
		return env("IMIS_TEST_PG_URL", DEFAULT_PG_URL);
	}

	public static String pgUser() {
		return env("IMIS_TEST_PG_USER", "postgres");
	}

	public static String pgPassword() {
		return env("IMIS_TEST_PG_PASSWORD", "");
	}

	/** True when PostgreSQL is reachable; creates the test database if the server has none of that name. */
	public static boolean ensurePostgresReachable() {
		return ensureDatabase(pgUrl());
	}

	/**
	 * The database of the signed-token suite ({@code TokenHttpTestBase}): the test database's name with
	 * {@code _tokens} appended, so that its second application context does not share a database (and the
	 * batch jobs stored in it) with the development-mode context of the HTTP suite.
	 */
	public static String tokenSuitePgUrl() {
		String url = pgUrl();
		int query = url.indexOf('?');
		return query < 0 ? url + "_tokens" : url.substring(0, query) + "_tokens" + url.substring(query);
	}

	/** True when the database at this URL is reachable, creating it when the server has none of that name. */
	public static boolean ensureDatabase(String url) {
		try (Connection ignored = DriverManager.getConnection(url, pgUser(), pgPassword())) {
			return true;
		} catch (SQLException missing) {
			return createDatabase(url);
		}
	}

	private static boolean createDatabase(String url) {
		int slash = url.lastIndexOf('/');
		String name = url.substring(slash + 1).replaceAll("\\?.*", "");
		String maintenanceUrl = url.substring(0, slash + 1) + "postgres";
		if (!name.matches("[A-Za-z0-9_]+")) {
			return false;
		}
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, pgUser(), pgPassword());
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
				if (!rs.next()) {
					statement.execute("CREATE DATABASE " + name);
				}
			}
			return true;
		} catch (SQLException unreachable) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
