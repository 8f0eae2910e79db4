package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.imisfhir.security.SearchNarrowing.Condition;
import org.junit.jupiter.api.Test;

class SearchNarrowingTest {

	static final String VILLAGES = "Location/v1,Location/v2";
	static final String DISTRICTS = "Location/d1";

	@Test
	void registerTypesAreNarrowedThroughTheChainToTheirVillage() {
		assertThat(SearchNarrowing.conditions("Coverage", Map.of(), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("family.village", VILLAGES));
		// a contribution -> its policy -> the policy's family -> the family's village
		assertThat(SearchNarrowing.conditions("PaymentNotice", Map.of(), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("request:Coverage.family:Group.village", VILLAGES));
		assertThat(SearchNarrowing.conditions("CoverageEligibilityRequest", Map.of(), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("patient:Patient.family-group:Group.village", VILLAGES));
		assertThat(SearchNarrowing.conditions("Patient", Map.of(), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("family-group.village", VILLAGES));
	}

	@Test
	void aFacilityUserIsNotLimitedOnRegisterTypes() {
		assertThat(SearchNarrowing.conditions("Coverage", Map.of(), null, null, "hf-1")).isEmpty();
	}

	@Test
	void claimKinAreNarrowedThroughTheirClaimsFacility() {
		assertThat(SearchNarrowing.conditions("ClaimResponse", Map.of(), VILLAGES, DISTRICTS, "hf-1")).containsExactly(
				new Condition("request:Claim.provider", "Organization/hf-1"),
				new Condition("request:Claim.provider:Organization.district", DISTRICTS));
		assertThat(SearchNarrowing.conditions("CommunicationRequest", Map.of(), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("about:Claim.provider:Organization.district", DISTRICTS));
		assertThat(SearchNarrowing.conditions("Claim", Map.of(), null, null, "hf-1"))
				.containsExactly(new Condition("provider", "Organization/hf-1"));
	}

	@Test
	void organizationSearchesAreNarrowedOnlyWhenTheyAskForFacilities() {
		assertThat(SearchNarrowing.conditions("Organization", Map.of(), VILLAGES, DISTRICTS, "hf-1")).isEmpty();
		assertThat(SearchNarrowing.conditions("Organization", Map.of("type", new String[] {"pay"}), VILLAGES, DISTRICTS, null))
				.isEmpty();
		assertThat(SearchNarrowing.conditions("Organization",
				Map.of("type", new String[] {"http://terminology.hl7.org/CodeSystem/organization-type|prov"}),
				VILLAGES, DISTRICTS, "hf-1"))
				.containsExactly(new Condition("_id", "hf-1"), new Condition("district", DISTRICTS));
		assertThat(SearchNarrowing.conditions("Organization",
				Map.of("_profile", new String[] {SearchNarrowing.FACILITY_PROFILE}), VILLAGES, DISTRICTS, null))
				.containsExactly(new Condition("district", DISTRICTS));
	}

	@Test
	void unscopedTypesAreLeftAlone() {
		assertThat(SearchNarrowing.conditions("InsurancePlan", Map.of(), VILLAGES, DISTRICTS, "hf-1")).isEmpty();
		assertThat(SearchNarrowing.NARROWED_TYPES).doesNotContain("Location", "InsurancePlan", "AuditEvent")
				.containsAll(List.of("Coverage", "PaymentNotice", "Organization", "ClaimResponse", "Communication"));
	}

	@Test
	void aFacilityIsTypedProvOrDeclaresTheFacilityProfile() {
		org.hl7.fhir.r4.model.Organization typed = new org.hl7.fhir.r4.model.Organization();
		typed.addType().addCoding().setSystem(SearchNarrowing.ORGANIZATION_TYPE_SYSTEM).setCode("prov");
		org.hl7.fhir.r4.model.Organization profiled = new org.hl7.fhir.r4.model.Organization();
		profiled.getMeta().addProfile(SearchNarrowing.FACILITY_PROFILE);
		org.hl7.fhir.r4.model.Organization payer = new org.hl7.fhir.r4.model.Organization();
		payer.addType().addCoding().setSystem(SearchNarrowing.ORGANIZATION_TYPE_SYSTEM).setCode("pay");

		assertThat(ScopeResolver.isFacility(typed)).isTrue();
		assertThat(ScopeResolver.isFacility(profiled)).isTrue();
		assertThat(ScopeResolver.isFacility(payer)).isFalse();
	}
}
