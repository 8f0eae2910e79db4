package org.imisfhir.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The localiser on a bare HAPI RestfulServer (no Spring, no database). */
class OperationOutcomeLocaliserServerTest {

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();

	public static class RefusingProvider {
		@Operation(name = "$break-rule", idempotent = true)
		public Parameters breakRule() {
			throw new ImisRuleException(ErrorCode.BUSINESS_RULE, null);
		}

		@Operation(name = "$crash", idempotent = true)
		public Parameters crash() {
			throw new IllegalStateException("secret internal detail");
		}

		@Operation(name = "$hapi-crash", idempotent = true)
		public Parameters hapiCrash() {
			throw new InternalErrorException("another internal detail");
		}
	}

	@RegisterExtension
	static final RestfulServerExtension SERVER = new RestfulServerExtension(CONTEXT)
			.registerProvider(new RefusingProvider())
			.registerInterceptor(new OperationOutcomeLocaliser());

	@Test
	void businessRuleRefusalIs422WithOurCodeInFrench() throws Exception {
		HttpResponse<String> response = get("$break-rule", "fr");
		OperationOutcome outcome = CONTEXT.newJsonParser().parseResource(OperationOutcome.class, response.body());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
		assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("business-rule");
		assertThat(outcome.getIssueFirstRep().getDetails().getText())
				.isEqualTo("La requête enfreint une règle du régime ; rien n'a été enregistré.");
	}

	@Test
	void unexpectedFailureIs500WithoutInternalDetails() throws Exception {
		for (String operation : new String[] {"$crash", "$hapi-crash"}) {
			HttpResponse<String> response = get(operation, "en");
			OperationOutcome outcome = CONTEXT.newJsonParser().parseResource(OperationOutcome.class, response.body());

			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("internal-error");
			assertThat(response.body()).doesNotContain("internal detail");
		}
	}

	private static HttpResponse<String> get(String operation, String language) throws Exception {
		return HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(SERVER.getBaseUrl() + "/" + operation))
						.header("Accept-Language", language)
						.header("Accept", "application/fhir+json")
						.GET()
						.build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
