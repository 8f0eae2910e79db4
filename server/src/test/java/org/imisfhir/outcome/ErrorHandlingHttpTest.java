package org.imisfhir.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class ErrorHandlingHttpTest extends HttpTestBase {

	private static final String LOCATION_WITHOUT_LEVEL =
			"{\"resourceType\":\"Location\",\"name\":\"Sans niveau\",\"identifier\":[{\"value\":\"%s\"}]}";

	@Test
	void profileViolationIsRefusedWith422AndOurCodeInEnglishByDefault() throws Exception {
		String code = unique("NOLEVEL");
		HttpResponse<String> response = postJson("/fhir/Location", LOCATION_WITHOUT_LEVEL.formatted(code));

		OperationOutcome outcome = parse(response);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).isEqualTo(Fixtures.ERROR_SYSTEM);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("profile-violation");
		assertThat(outcome.getIssueFirstRep().getDetails().getText()).startsWith("The resource does not conform");
		assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("Location.type"));
		assertThat(countLocationsWithCode(code)).isZero();
	}

	@Test
	void profileViolationIsExplainedInFrenchWhenAskedInFrench() throws Exception {
		HttpResponse<String> response = postJson(
				"/fhir/Location", LOCATION_WITHOUT_LEVEL.formatted(unique("NOLEVEL")), "Accept-Language", "fr-CM,fr;q=0.9,en;q=0.5");

		OperationOutcome outcome = parse(response);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome.getIssueFirstRep().getDetails().getText())
				.isEqualTo("La ressource n'est pas conforme au profil exigé ; rien n'a été enregistré.");
	}

	@Test
	void genericClientSeesUnprocessableEntity() {
		Location invalid = Fixtures.location(unique("BAD"), "Bad level", "X", null);

		assertThatThrownBy(() -> client.create().resource(invalid).execute())
				.isInstanceOf(UnprocessableEntityException.class);
	}

	@Test
	void malformedJsonIsRefusedWith400() throws Exception {
		HttpResponse<String> response = postJson("/fhir/Location", "{\"resourceType\":\"Location\", name");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("malformed-request");
	}

	@Test
	void unknownIdIsRefusedWith404InFrench() throws Exception {
		HttpResponse<String> response = get("/fhir/Location/does-not-exist", "Accept-Language", "fr");

		OperationOutcome outcome = parse(response);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("not-found");
		assertThat(outcome.getIssueFirstRep().getDetails().getText()).isEqualTo("La ressource demandée n'existe pas.");
	}

	@Test
	void staleVersionUpdateIsRefusedWith409() throws Exception {
		Location location = Fixtures.location(unique("V"), "Versioned", "R", null);
		String id = client.create().resource(location).execute().getId().getIdPart();
		Location current = client.read().resource(Location.class).withId(id).execute();
		current.setName("Renamed once");
		client.update().resource(current).execute();

		current.setName("Renamed from a stale copy");
		String body = fhirContext.newJsonParser().encodeResourceToString(current);
		HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
						java.net.URI.create(baseUrl() + "/Location/" + id))
				.header("Content-Type", "application/fhir+json")
				.header("If-Match", "W/\"1\"")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("conflict");
	}

	@Test
	void secondLocationWithTheSameCodeIsRefusedWith409Duplicate() throws Exception {
		String code = unique("DUP");
		client.create().resource(Fixtures.location(code, "First", "R", null)).execute();
		String second = fhirContext.newJsonParser().encodeResourceToString(Fixtures.location(code, "Second", "R", null));

		HttpResponse<String> response = postJson("/fhir/Location", second, "Accept-Language", "fr");

		OperationOutcome outcome = parse(response);
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("duplicate");
		assertThat(outcome.getIssueFirstRep().getDetails().getText()).startsWith("Une autre ressource a déjà ce code");
		assertThat(countLocationsWithCode(code)).isEqualTo(1);
	}

	@Test
	void transactionWithOneInvalidEntryWritesNothing() {
		String goodCode = unique("GOOD");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(Fixtures.location(goodCode, "Valid region", "R", null))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Location");
		Location invalid = Fixtures.location(unique("BAD"), "Invalid", "R", null);
		invalid.getType().clear();
		transaction.addEntry().setResource(invalid).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Location");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.isInstanceOf(UnprocessableEntityException.class);
		assertThat(countLocationsWithCode(goodCode)).isZero();
	}

	private int countLocationsWithCode(String code) {
		return client.search().forResource(Location.class)
				.where(Location.IDENTIFIER.exactly().systemAndCode(Fixtures.LOCATION_CODE, code))
				.returnBundle(Bundle.class)
				.execute()
				.getEntry()
				.size();
	}

	private OperationOutcome parse(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}
}
