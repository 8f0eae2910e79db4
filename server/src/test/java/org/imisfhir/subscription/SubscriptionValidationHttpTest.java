package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** A malformed Subscription is refused whole (422) with our coded reason, in English or French. */
class SubscriptionValidationHttpTest extends SubscriptionHttpTestBase {

	private HttpResponse<String> post(Subscription subscription, String... headers) throws Exception {
		return postJson("/fhir/Subscription", fhirContext.newJsonParser().encodeResourceToString(subscription), headers);
	}

	private void assertRefused(Subscription subscription, String code, String text) throws Exception {
		HttpResponse<String> refused = post(subscription);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains(SubscriptionViolation.SYSTEM).contains("\"code\":\"" + code + "\"").contains(text);
		String endpoint = subscription.getChannel().getEndpoint();
		if (endpoint != null && endpoint.startsWith("http")) {
			Bundle stored = client.search().byUrl("Subscription?url=" + endpoint).returnBundle(Bundle.class).execute();
			assertThat(stored.getEntry()).as("nothing stored").isEmpty();
		}
	}

	@Test
	void malformedCriteriaAreRefused() throws Exception {
		String endpoint = subscriber.hook().url();
		assertRefused(restHook("Patient?no-such-parameter=1", endpoint, "application/fhir+json"),
				"criteria-invalid", "no-such-parameter");
		assertRefused(restHook("Insuree?name=x", endpoint, null), "criteria-invalid", "Insuree is not a resource type");
		assertRefused(restHook("Patient/123", endpoint, null), "criteria-invalid", "Type?parameters");
		assertRefused(restHook("[*]", endpoint, null), "criteria-invalid", "one resource type");
		assertRefused(restHook("Coverage?expiry=not-a-date", endpoint, null), "criteria-invalid", "not-a-date");
		assertRefused(restHook(null, endpoint, null), "criteria-invalid", "empty");
	}

	@Test
	void unsupportedChannelsEndpointsAndPayloadsAreRefused() throws Exception {
		String endpoint = subscriber.hook().url();
		Subscription email = restHook("Patient?gender=female", "mailto:someone@example.org", null);
		email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL);
		assertRefused(email, "channel-not-supported", "rest-hook");
		Subscription websocket = restHook("Patient?gender=female", endpoint, null);
		websocket.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
		assertRefused(websocket, "channel-not-supported", "websocket");

		assertRefused(restHook("Patient?gender=female", "ftp://example.org/hook", null), "endpoint-invalid", "ftp://example.org/hook");
		assertRefused(restHook("Patient?gender=female", "/relative/hook", null), "endpoint-invalid", "absolute");
		assertRefused(restHook("Patient?gender=female", endpoint, "text/csv"), "payload-not-supported", "text/csv");

		Subscription noStatus = restHook("Patient?gender=female", endpoint, null);
		noStatus.setStatus(null);
		assertRefused(noStatus, "status-invalid", "requested");
	}

	@Test
	void theReasonIsGivenInFrenchOnRequest() throws Exception {
		HttpResponse<String> refused = post(restHook("Patient?no-such-parameter=1", subscriber.hook().url(), null),
				"Accept-Language", "fr");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("n'est pas une recherche valide");
	}

	@Test
	void aWellFormedSubscriptionIsStoredAndActivated() throws Exception {
		String id = subscribe(restHook("ClaimResponse?outcome=complete", subscriber.hook().url(), "application/fhir+json"));
		Subscription stored = client.read().resource(Subscription.class).withId(id).execute();
		assertThat(stored.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		assertThat(stored.getMeta().getTag()).anyMatch(tag -> "IN_MEMORY".equals(tag.getCode()));
		assertThat(stored.getMeta().getTag()).anyMatch(tag -> SubscriptionRulesInterceptor.OWNER_SYSTEM.equals(tag.getSystem())
				&& "test-developer".equals(tag.getCode()));
	}
}
