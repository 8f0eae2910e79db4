package org.imisfhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.outcome.ImisRuleException;
import org.junit.jupiter.api.Test;

class RequiredProfileAssignerTest {

	private final RequiredProfileAssigner assigner = new RequiredProfileAssigner(Map.of(
			"Location", "http://x/location",
			"Organization", "http://x/facility, http://x/payer"));

	@Test
	void theOnlyRequiredProfileIsDeclaredWhenMissing() {
		Location location = new Location();
		assigner.assign(location);
		assigner.assign(location);

		assertThat(location.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly("http://x/location");
	}

	@Test
	void oneOfSeveralProfilesMustBeDeclared() {
		Organization payer = new Organization();
		payer.getMeta().addProfile("http://x/payer");
		assigner.assign(payer);

		assertThat(payer.getMeta().getProfile()).hasSize(1);
		assertThatThrownBy(() -> assigner.assign(new Organization()))
				.isInstanceOf(ImisRuleException.class)
				.hasMessageContaining("http://x/facility, http://x/payer");
	}

	@Test
	void typesWithoutRequirementAreLeftAlone() {
		Patient patient = new Patient();
		assigner.assign(patient);

		assertThat(patient.getMeta().getProfile()).isEmpty();
	}
}
