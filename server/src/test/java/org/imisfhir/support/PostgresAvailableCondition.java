package org.imisfhir.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL run of the HTTP suite, with a message saying why, when no PostgreSQL server is
 * reachable. When {@code IMIS_TEST_PG_REQUIRED=true} (CI sets it) an unreachable server fails the run instead.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

	private static Boolean reachable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.isPostgres()) {
			return ConditionEvaluationResult.enabled("running on H2");
		}
		if (reachable == null) {
			reachable = TestDatabase.ensurePostgresReachable();
			if (!reachable) {
				System.err.println("*** PostgreSQL suite SKIPPED: no PostgreSQL reachable at " + TestDatabase.pgUrl()
						+ " (user " + TestDatabase.pgUser() + "). Set IMIS_TEST_PG_URL / IMIS_TEST_PG_USER to run it. ***");
			}
		}
		if (reachable) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + TestDatabase.pgUrl());
		}
		if ("true".equalsIgnoreCase(System.getenv("IMIS_TEST_PG_REQUIRED"))) {
			throw new IllegalStateException("PostgreSQL is required (IMIS_TEST_PG_REQUIRED=true) but not reachable at " + TestDatabase.pgUrl());
		}
		return ConditionEvaluationResult.disabled(
				"PostgreSQL suite skipped: no PostgreSQL reachable at " + TestDatabase.pgUrl());
	}
}
