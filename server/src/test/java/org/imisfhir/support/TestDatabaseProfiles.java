package org.imisfhir.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Activates the PostgreSQL settings when the suite runs on PostgreSQL (see {@link TestDatabase}). */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

	@Override
	public String[] resolve(Class<?> testClass) {
		return TestDatabase.isPostgres() ? new String[] {"test", "pgtest"} : new String[] {"test"};
	}
}
