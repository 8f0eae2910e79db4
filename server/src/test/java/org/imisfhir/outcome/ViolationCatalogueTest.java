package org.imisfhir.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.imisfhir.programme.ProgrammeViolation;
import org.imisfhir.security.SecurityViolation;
import org.junit.jupiter.api.Test;

/** Each coded reason has an English and a French text and is a concept of its CodeSystem, which counts them. */
class ViolationCatalogueTest {

	@Test
	void securityRefusalsAreInTheBundlesAndTheCodeSystem() throws Exception {
		check(SecurityViolation.values(), "/fhir/terminology/imis/CodeSystem-imis-security-error.json");
	}

	@Test
	void programmeRefusalsAreInTheBundlesAndTheCodeSystem() throws Exception {
		check(ProgrammeViolation.values(), "/fhir/terminology/imis/CodeSystem-imis-programme-error.json");
	}

	private static void check(RuleViolation[] violations, String codeSystem) throws Exception {
		JsonNode system;
		try (InputStream in = ViolationCatalogueTest.class.getResourceAsStream(codeSystem)) {
			assertThat(in).as(codeSystem).isNotNull();
			system = new ObjectMapper().readTree(in);
		}
		List<String> concepts = new ArrayList<>();
		system.path("concept").forEach(concept -> concepts.add(concept.path("code").asText()));
		assertThat(system.path("count").asInt()).isEqualTo(concepts.size());
		List<String> codes = new ArrayList<>();
		for (RuleViolation violation : violations) {
			codes.add(violation.code());
			assertThat(violation.system()).isEqualTo(system.path("url").asText());
			String english = Messages.text(violation.messageKey(), Messages.ENGLISH, "a", "b", "c", "d");
			String french = Messages.text(violation.messageKey(), Messages.FRENCH, "a", "b", "c", "d");
			assertThat(english).as(violation.code()).isNotEqualTo(violation.messageKey());
			assertThat(french).as(violation.code()).isNotEqualTo(violation.messageKey()).isNotEqualTo(english);
		}
		assertThat(concepts).containsExactlyInAnyOrderElementsOf(codes);
	}
}
