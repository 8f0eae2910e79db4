package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportScopeTest {

	static final Rights MANAGER = RoleRights.of(ImisRole.MANAGER);
	static final ExportScope.Area RAPTA = new ExportScope.Area(true,
			List.of("Location/v1", "Location/v2"), List.of("Location/d1"), null);

	@Test
	void anUnlimitedUserExportsWhatTheRolesReadUnfiltered() {
		ExportScope.Decision decision = ExportScope.decide(MANAGER, ExportScope.Area.EVERYWHERE,
				List.of("Patient", "Claim", "AuditEvent", "Location"), false, List.of("Patient?gender=female"));

		assertThat(decision.refused()).isFalse();
		// AuditEvent is not read by a manager: left out of a default list
		assertThat(decision.narrowed().types()).containsExactly("Patient", "Claim", "Location");
		assertThat(decision.narrowed().filters()).containsExactly("Patient?gender=female");
	}

	@Test
	void aTypeTheRolesDoNotReadIsRefusedWhenAskedFor() {
		ExportScope.Decision decision = ExportScope.decide(MANAGER, ExportScope.Area.EVERYWHERE,
				List.of("Patient", "AuditEvent"), true, List.of());

		assertThat(decision.refusal()).isEqualTo(
				new ExportScope.Refusal(SecurityViolation.EXPORT_TYPE_NOT_ALLOWED, "AuditEvent"));
	}

	@Test
	void aDistrictUsersTypesAreNarrowedToTheirVillagesAndDistricts() {
		ExportScope.Decision decision = ExportScope.decide(MANAGER, RAPTA,
				List.of("Group", "Patient", "Claim", "Organization"), true, List.of());

		assertThat(decision.narrowed().types()).containsExactly("Group", "Patient", "Claim", "Organization");
		assertThat(decision.narrowed().filters()).containsExactly(
				"Group?village=Location/v1,Location/v2",
				"Patient?family-group.village=Location/v1,Location/v2",
				"Claim?provider:Organization.district=Location/d1");
	}

	@Test
	void theClientsOwnFiltersKeepTheirConditionsAndGetTheDistrictsToo() {
		ExportScope.Decision decision = ExportScope.decide(MANAGER, RAPTA, List.of("Patient"), true,
				List.of("Patient?gender=female", "Patient?birthdate=ge2000-01-01"));

		// each filter is a search of its own (OR): the condition is added to each (AND)
		assertThat(decision.narrowed().filters()).containsExactly(
				"Patient?gender=female&family-group.village=Location/v1,Location/v2",
				"Patient?birthdate=ge2000-01-01&family-group.village=Location/v1,Location/v2");
	}

	@Test
	void aTypeThatCannotBeNarrowedIsRefusedWhenAskedForAndLeftOutOtherwise() {
		assertThat(ExportScope.decide(MANAGER, RAPTA, List.of("Patient", "Task"), true, List.of()).refusal())
				.isEqualTo(new ExportScope.Refusal(SecurityViolation.EXPORT_NOT_NARROWABLE, "Task"));

		ExportScope.Decision byDefault = ExportScope.decide(MANAGER, RAPTA, List.of("Patient", "Task"), false, List.of());
		assertThat(byDefault.narrowed().types()).containsExactly("Patient");
	}

	@Test
	void aFacilityUsersClaimsAreThoseOfTheFacility() {
		Rights claims = RoleRights.of(Set.of(ImisRole.MANAGER));
		ExportScope.Area facility = new ExportScope.Area(false, List.of(), List.of(), "hf-1");

		ExportScope.Decision decision = ExportScope.decide(claims, facility, List.of("Claim", "Patient"), true, List.of());

		// a facility user's insurees are not limited, as in their searches
		assertThat(decision.narrowed().filters()).containsExactly("Claim?provider=Organization/hf-1");
		// claim answers are reached through their claim: kept, and checked one by one while the files are written
		ExportScope.Decision answers = ExportScope.decide(claims, facility, List.of("ClaimResponse"), true, List.of());
		assertThat(answers.refusal()).isNull();
		assertThat(answers.narrowed().filters()).isEmpty();
		assertThat(ExportScope.checkedWhileWritten(List.of("ClaimResponse", "Claim"), facility)).containsExactly("ClaimResponse");
		assertThat(ExportScope.checkedWhileWritten(List.of("ClaimResponse"), ExportScope.Area.EVERYWHERE)).isEmpty();
	}

	@Test
	void anEmptyAreaMatchesNothing() {
		ExportScope.Area nowhere = new ExportScope.Area(true, List.of(), List.of(), null);

		assertThat(ExportScope.decide(MANAGER, nowhere, List.of("Group"), true, List.of()).narrowed().filters())
				.containsExactly("Group?village=" + ExportScope.NOWHERE);
	}

	@Test
	void nothingLeftToExportIsRefused() {
		assertThat(ExportScope.decide(MANAGER, RAPTA, List.of("Task"), false, List.of()).refused()).isTrue();
	}
}
