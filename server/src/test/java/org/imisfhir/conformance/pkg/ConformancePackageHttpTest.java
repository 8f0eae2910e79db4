package org.imisfhir.conformance.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** The server points to its conformance package and serves it: guide, download, CapabilityStatement. */
class ConformancePackageHttpTest extends HttpTestBase {

	@Test
	void capabilityStatementPointsToTheGuideOfThePackage() {
		CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(statement.getImplementationGuide()).extracting(c -> c.getValue())
				.contains("https://imis-fhir.org/fhir/ImplementationGuide/imis-fhir");
	}

	@Test
	void guideIsReadableAsTheResourceThePackageHolds() {
		ImplementationGuide guide = client.read().resource(ImplementationGuide.class).withId("imis-fhir").execute();

		assertThat(guide.getUrl()).isEqualTo("https://imis-fhir.org/fhir/ImplementationGuide/imis-fhir");
		assertThat(guide.getPackageId()).isEqualTo("imis-fhir.r4");
		assertThat(guide.getDefinition().getResource())
				.anyMatch(r -> r.getReference().getReference().equals("StructureDefinition/imis-claim"))
				.anyMatch(r -> r.getReference().getReference().equals("OperationDefinition/Claim-submit"));
	}

	@Test
	void packageIsDownloadedAsBuilt() throws Exception {
		HttpResponse<byte[]> response = http.send(
				HttpRequest.newBuilder(URI.create(serverUrl() + "/fhir-package/imis-fhir.r4.tgz")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/gzip");
		try (InputStream built = getClass().getResourceAsStream("/fhir/package/package.tgz")) {
			assertThat(response.body()).isEqualTo(built.readAllBytes());
		}
		NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(response.body()));
		assertThat(npm.name()).isEqualTo("imis-fhir.r4");
		assertThat(npm.list("package")).contains("StructureDefinition-imis-insuree.json");
	}
}
