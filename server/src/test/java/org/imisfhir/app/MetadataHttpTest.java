package org.imisfhir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class MetadataHttpTest extends HttpTestBase {

	@Test
	void capabilityStatementListsOurProfilesAndRequiredProfile() {
		CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(statement.getSoftware().getName()).isEqualTo("IMIS-FHIR");
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		CapabilityStatementRestResourceComponent location = statement.getRestFirstRep().getResource().stream()
				.filter(r -> r.getType().equals("Location"))
				.findFirst()
				.orElseThrow();
		assertThat(location.getProfile()).isEqualTo(Fixtures.LOCATION_PROFILE);
		assertThat(location.getSupportedProfile()).extracting(p -> p.getValue()).contains(Fixtures.LOCATION_PROFILE);
	}

	@Test
	void openApiDocumentIsServed() throws Exception {
		HttpResponse<String> response = get("/fhir/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("openapi: 3").contains("/Location");
	}

	@Test
	void healthAndPrometheusMetricsAreExposed() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> metrics = get("/actuator/prometheus");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}
}
