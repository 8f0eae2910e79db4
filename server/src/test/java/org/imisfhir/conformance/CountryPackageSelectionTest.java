package org.imisfhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.imisfhir.app.ImisProperties;
import org.junit.jupiter.api.Test;

class CountryPackageSelectionTest {

	private static ConformanceLoader loaderFor(String country) {
		ImisProperties properties = new ImisProperties();
		properties.setCountry(country);
		return new ConformanceLoader(null, null, new ConformanceRegistry(), properties, null);
	}

	@Test
	void baseFilesAlwaysApply() {
		assertThat(loaderFor("").appliesToConfiguredCountry("fhir/profiles/base/StructureDefinition-imis-location.json")).isTrue();
		assertThat(loaderFor("cm").appliesToConfiguredCountry("fhir/terminology/imis/CodeSystem-imis-error.json")).isTrue();
	}

	@Test
	void countryFilesApplyOnlyToTheirCountry() {
		String cameroon = "fhir/profiles/countries/cm/PlanDefinition-ccs.json";

		assertThat(loaderFor("").appliesToConfiguredCountry(cameroon)).isFalse();
		assertThat(loaderFor("tz").appliesToConfiguredCountry(cameroon)).isFalse();
		assertThat(loaderFor("cm").appliesToConfiguredCountry(cameroon)).isTrue();
		assertThat(loaderFor(" CM ").appliesToConfiguredCountry(cameroon)).isTrue();
	}
}
