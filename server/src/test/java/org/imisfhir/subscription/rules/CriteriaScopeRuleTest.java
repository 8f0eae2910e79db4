package org.imisfhir.subscription.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CriteriaScopeRuleTest {

	/** Reference data nobody is limited on. */
	static final Set<String> UNLIMITED = Set.of("Location", "Organization", "InsurancePlan");

	/** An officer of district D1, which holds villages V1 and V2 (V3 lies in another district). */
	static final SubscriberScope DISTRICT = new SubscriberScope(null, Set.of("Location/D1"),
			Set.of("Location/V1", "Location/V2"), true);
	/** A claim administrator of facility HF1, not limited to districts. */
	static final SubscriberScope FACILITY = new SubscriberScope("Organization/HF1", Set.of(), Set.of(), false);

	private static Optional<CriteriaScopeRule.ScopeRefusal> check(String type, Map<String, List<String>> parameters,
			SubscriberScope scope) {
		return CriteriaScopeRule.check(type, parameters, scope, UNLIMITED);
	}

	@Test
	void anUnlimitedUserMaySubscribeToAnything() {
		assertThat(check("Patient", Map.of(), SubscriberScope.UNLIMITED)).isEmpty();
		assertThat(check("PaymentNotice", Map.of(), SubscriberScope.UNLIMITED)).isEmpty();
	}

	@Test
	void referenceDataIsNotLimited() {
		assertThat(check("Location", Map.of("name", List.of("Rachla")), DISTRICT)).isEmpty();
		assertThat(check("Organization", Map.of(), FACILITY)).isEmpty();
	}

	@Test
	void villagesMustAllLieInTheUsersDistricts() {
		// V1 and V2 both lie in D1: within scope
		assertThat(check("Patient", Map.of("family-group.village", List.of("Location/V1,Location/V2")), DISTRICT)).isEmpty();
		// a bare id is read as a Location reference
		assertThat(check("Group", Map.of("village", List.of("V2")), DISTRICT)).isEmpty();
		// V1 or V3: V3 lies outside, so the "or" reaches beyond the scope
		assertThat(check("Patient", Map.of("family-group.village", List.of("Location/V1,Location/V3")), DISTRICT))
				.hasValueSatisfying(refusal -> assertThat(refusal.parameters()).contains("family-group.village"));
		// no village at all: the refusal lists the parameters and the villages allowed
		assertThat(check("Coverage", Map.of("status", List.of("active")), DISTRICT)).hasValueSatisfying(refusal -> {
			assertThat(refusal.parameters()).containsExactly("family.village", "family:Group.village");
			assertThat(refusal.allowed()).isEqualTo("Location/V1,Location/V2");
		});
	}

	@Test
	void oneNarrowedOccurrenceIsEnoughSinceRepeatingAParameterMeansAnd() {
		// village=V3 AND village=V1: only resources in V1 can match, which lies in D1
		assertThat(check("Group", Map.of("village", List.of("Location/V3", "Location/V1")), DISTRICT)).isEmpty();
	}

	@Test
	void aFacilityUserMustNameTheirFacility() {
		assertThat(check("ClaimResponse", Map.of("request:Claim.provider", List.of("Organization/HF1")), FACILITY)).isEmpty();
		assertThat(check("Claim", Map.of("provider", List.of("HF1")), FACILITY)).isEmpty();
		assertThat(check("ClaimResponse", Map.of("request:Claim.provider", List.of("Organization/HF2")), FACILITY))
				.hasValueSatisfying(refusal -> assertThat(refusal.allowed()).isEqualTo("Organization/HF1"));
		assertThat(check("PaymentReconciliation", Map.of("status", List.of("active")), FACILITY)).isPresent();
		// a facility limit says nothing about insurees
		assertThat(check("Patient", Map.of(), FACILITY)).isEmpty();
	}

	@Test
	void aDistrictUserReachesClaimsThroughTheFacilitysDistrict() {
		assertThat(check("Claim", Map.of("provider:Organization.district", List.of("Location/D1")), DISTRICT)).isEmpty();
		assertThat(check("PaymentReconciliation", Map.of("requestor.district", List.of("Location/D2")), DISTRICT)).isPresent();
	}

	@Test
	void aUserLimitedBothWaysMustNarrowBoth() {
		SubscriberScope both = new SubscriberScope("Organization/HF1", Set.of("Location/D1"), Set.of("Location/V1"), true);
		assertThat(check("Claim", Map.of("provider", List.of("Organization/HF1")), both))
				.hasValueSatisfying(refusal -> assertThat(refusal.parameters()).contains("provider:Organization.district"));
		assertThat(check("Claim", Map.of("provider", List.of("Organization/HF1"),
				"provider:Organization.district", List.of("Location/D1")), both)).isEmpty();
	}

	@Test
	void typesThatCannotBeNarrowedAreRefusedToALimitedUser() {
		assertThat(check("PaymentNotice", Map.of(), DISTRICT))
				.hasValueSatisfying(refusal -> assertThat(refusal.parameters()).isEmpty());
		assertThat(check("CoverageEligibilityResponse", Map.of(), FACILITY))
				.hasValueSatisfying(refusal -> assertThat(refusal.parameters()).isEmpty());
	}
}
