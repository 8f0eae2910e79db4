package org.imisfhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class TerminologyHttpTest extends HttpTestBase {

	@Test
	void claimRejectionReasonsAreFoundByCanonicalUrl() {
		Bundle found = client.search().forResource(CodeSystem.class)
				.where(CodeSystem.URL.matches().value(Fixtures.REJECTION_REASONS))
				.returnBundle(Bundle.class)
				.execute();

		assertThat(found.getEntry()).hasSize(1);
		CodeSystem codeSystem = (CodeSystem) found.getEntryFirstRep().getResource();
		// The IG lacks -2, 20 and 21, which the openIMIS back end uses; we add them (docs/decisions/0003).
		assertThat(codeSystem.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
				.contains("-2", "-1", "0", "1", "7", "17", "19", "20", "21");
	}

	@Test
	void lookupGivesTheDisplayOfARejectionCode() {
		Parameters result = client.operation().onType(CodeSystem.class).named("$lookup")
				.withParameter(Parameters.class, "system", new UriType(Fixtures.REJECTION_REASONS))
				.andParameter("code", new CodeType("7"))
				.execute();

		assertThat(((StringType) result.getParameter("display").getValue()).getValue()).isNotBlank();
	}

	@Test
	void validateCodeAcceptsAVillageAndRefusesAnUnknownLevel() {
		String valueSet = "https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/location-type";
		Parameters village = client.operation().onType(ValueSet.class).named("$validate-code")
				.withParameter(Parameters.class, "url", new UriType(valueSet))
				.andParameter("system", new UriType(Fixtures.LOCATION_TYPE))
				.andParameter("code", new CodeType("V"))
				.execute();
		Parameters unknown = client.operation().onType(ValueSet.class).named("$validate-code")
				.withParameter(Parameters.class, "url", new UriType(valueSet))
				.andParameter("system", new UriType(Fixtures.LOCATION_TYPE))
				.andParameter("code", new CodeType("Z"))
				.execute();

		assertThat(((BooleanType) village.getParameter("result").getValue()).booleanValue()).isTrue();
		assertThat(((BooleanType) unknown.getParameter("result").getValue()).booleanValue()).isFalse();
	}

	@Test
	void expandListsTheFourLocationLevels() {
		ValueSet expansion = client.operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "url", new UriType("https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/location-type"))
				.returnResourceType(ValueSet.class)
				.execute();

		assertThat(expansion.getExpansion().getContains()).extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
				.containsExactlyInAnyOrder("R", "D", "W", "V");
	}

	@Test
	void ourErrorCodeSystemHasFrenchDesignations() {
		CodeSystem errors = client.read().resource(CodeSystem.class).withId("imis-error").execute();

		assertThat(errors.getUrl()).isEqualTo(Fixtures.ERROR_SYSTEM);
		CodeSystem.ConceptDefinitionComponent violation = errors.getConcept().stream()
				.filter(c -> c.getCode().equals("profile-violation")).findFirst().orElseThrow();
		assertThat(violation.getDesignation()).anySatisfy(d -> {
			assertThat(d.getLanguage()).isEqualTo("fr");
			assertThat(d.getValue()).isEqualTo("Non conforme au profil exigé");
		});
	}
}
