package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierSearchRuleTest {

	/** A few parameters of the server's registry: references with their targets, one token parameter. */
	private static final Map<String, Set<String>> REGISTRY = Map.of(
			"Claim.patient", Set.of("Patient"),
			"Claim.provider", Set.of("Practitioner", "PractitionerRole", "Organization"),
			"Claim.status", Set.of(),
			"ClaimResponse.request", Set.of("Claim"),
			"Coverage.beneficiary", Set.of("Patient"),
			"Coverage.payor", Set.of("Organization", "Patient", "RelatedPerson"),
			"Patient.family-group", Set.of("Group"),
			"Group.member", Set.of("Patient", "Practitioner", "Device"));

	private static final IdentifierSearchRule.Targets TARGETS =
			(type, name) -> Optional.ofNullable(REGISTRY.get(type + "." + name));

	private static boolean refused(String type, String parameter, String value) {
		return IdentifierSearchRule.needsSystem(type, parameter, new String[] {value}, false, TARGETS);
	}

	@Test
	void aChainToAnInsureesIdentifierWithoutSystemIsRefused() {
		assertThat(refused("Claim", "patient.identifier", "T123")).isTrue();
		assertThat(refused("Coverage", "beneficiary.identifier", "T123")).isTrue();
		// payor may be an insuree (Patient among its targets)
		assertThat(refused("Coverage", "payor.identifier", "T123")).isTrue();
		// two hops: ClaimResponse.request -> Claim, Claim.patient -> Patient
		assertThat(refused("ClaimResponse", "request.patient.identifier", "T123")).isTrue();
		// an explicit type on the hop
		assertThat(refused("Claim", "patient:Patient.identifier", "T123")).isTrue();
		assertThat(refused("Group", "member:Patient.identifier", "T123")).isTrue();
		// one alternative of an OR list without system is enough
		assertThat(refused("Claim", "patient.identifier", "https://imis-fhir.org/fhir/sid/insurance-number|1,T123")).isTrue();
	}

	@Test
	void aChainGivingTheSystemOrAnExplicitNoSystemIsAllowed() {
		assertThat(refused("Claim", "patient.identifier", "https://imis-fhir.org/fhir/sid/insurance-number|T123")).isFalse();
		// "|T123": an identifier without any system, which a sensitive identifier never is
		assertThat(refused("Claim", "patient.identifier", "|T123")).isFalse();
		// an escaped bar is part of the value, not a system separator
		assertThat(refused("Claim", "patient.identifier", "T\\|123")).isTrue();
		assertThat(refused("Claim", "patient.identifier",
				"https://imis-fhir.org/fhir/sid/insurance-number|1,https://imis-fhir.org/fhir/sid/insurance-number|2")).isFalse();
	}

	@Test
	void aReverseChainThroughInsureesIsRefused() {
		// the families of whoever holds T123
		assertThat(refused("Group", "_has:Patient:family-group:identifier", "T123")).isTrue();
		assertThat(refused("Group", "_has:Patient:family-group:identifier", "https://imis-fhir.org/fhir/sid/insurance-number|T123")).isFalse();
		// the identifier of claims, not of insurees
		assertThat(refused("Patient", "_has:Claim:patient:identifier", "RT-2026-0815")).isFalse();
	}

	@Test
	void identifiersOfOtherTypesAreLeftAlone() {
		// a claim's own code, a facility's code through the provider, a status
		assertThat(refused("Claim", "identifier", "RT-2026-0815")).isFalse();
		assertThat(refused("Claim", "provider.identifier", "RTDI001")).isFalse();
		assertThat(refused("Claim", "status", "active")).isFalse();
		assertThat(refused("Coverage", "beneficiary", "Patient/1")).isFalse();
	}

	@Test
	void insureesByIdentifierAloneStayAllowedButNotWithIncludes() {
		// what it finds is the insurees themselves, the hidden ones left out of the answer
		assertThat(refused("Patient", "identifier", "123456789")).isFalse();
		assertThat(refused("Patient", "identifier:of-type", "http://terminology.hl7.org/CodeSystem/v2-0203|MR|T123")).isFalse();
		// with _revinclude the claims of a hidden insuree would come along
		assertThat(IdentifierSearchRule.needsSystem("Patient", "identifier", new String[] {"123456789"}, true, TARGETS)).isTrue();
		assertThat(IdentifierSearchRule.needsSystem("Patient", "identifier",
				new String[] {"https://imis-fhir.org/fhir/sid/insurance-number|123456789"}, true, TARGETS)).isFalse();
		// a search of every type may be of insurees
		assertThat(IdentifierSearchRule.needsSystem(null, "identifier", new String[] {"T123"}, true, TARGETS)).isTrue();
	}

	@Test
	void modifiersThatIgnoreTheSystemAreRefusedAndMissingIsAllowed() {
		assertThat(refused("Claim", "patient.identifier:of-type", "http://terminology.hl7.org/CodeSystem/v2-0203|MR|T123")).isTrue();
		assertThat(refused("Claim", "patient.identifier:text", "T123")).isTrue();
		assertThat(refused("Claim", "patient.identifier:not", "T123")).isTrue();
		assertThat(refused("Claim", "patient.identifier:not", "https://imis-fhir.org/fhir/sid/insurance-number|T123")).isFalse();
		assertThat(refused("Claim", "patient.identifier:missing", "true")).isFalse();
	}

	@Test
	void aHopThatCannotBeToldIsTakenAsReachingAnInsuree() {
		assertThat(refused("Claim", "unknown-reference.identifier", "T123")).isTrue();
		assertThat(refused("Encounter", "subject.identifier", "T123")).isTrue();
		// a token parameter cannot be chained: it reaches nothing (HAPI refuses the search itself)
		assertThat(refused("Claim", "status.identifier", "T123")).isFalse();
	}
}
