package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.imisfhir.security.TokenHttpTestBase;
import org.imisfhir.security.TokenIssuer;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user limited to districts or a facility subscribes only with criteria narrowed to them, and sees only the
 * Subscriptions they created. Signed in with tokens (the sign-in context: a limited user needs a token), so
 * this runs on that context's in-memory database. Demo scheme: Rapta (district R1D1) holds the village
 * Rachla (loc-r1d1m1v1) and the dispensary RTDI001 (Organization/hf-rtdi001); Rajo (R2D1) holds Mora.
 */
class SubscriptionScopeHttpTest extends TokenHttpTestBase {

	static final String RACHLA = "Location/loc-r1d1m1v1";
	static final String MORA = "Location/loc-r2d1m1v1";
	static final String RAPTA_DISPENSARY = "Organization/hf-rtdi001";

	@Autowired
	FhirContext fhirContext;

	@Autowired
	SubscriptionRegistry registry;

	private final TestSubscriber subscriber = TestSubscriber.shared();

	private String officerOfRapta;
	private String dispensaryEmr;

	/** Tokens made once the context is up (its start can outlast a token made with the test instance). */
	@BeforeEach
	void signIn() {
		officerOfRapta = issuer.token("eo-rapta", List.of("enrolment-officer"), List.of("R1D1"), null,
				TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, Instant.now().plusSeconds(600), false);
		dispensaryEmr = issuer.token("emr-rtdi001", List.of("claim-administrator"), List.of(), "RTDI001",
				TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, Instant.now().plusSeconds(600), false);
	}

	private HttpResponse<String> subscribe(String criteria, String token) throws Exception {
		Subscription subscription = SubscriptionHttpTestBase.restHook(criteria, subscriber.hook().url(), "application/fhir+json");
		return send("POST", "/fhir/Subscription", fhirContext.newJsonParser().encodeResourceToString(subscription), token);
	}

	private static void assertForbidden(HttpResponse<String> response, String code, String text) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains(SubscriptionViolation.SYSTEM).contains("\"code\":\"" + code + "\"").contains(text);
	}

	@Test
	void aFacilityUserSubscribesOnlyToTheirFacilitysClaimResponses() throws Exception {
		assertForbidden(subscribe("ClaimResponse?outcome=complete", dispensaryEmr), "criteria-out-of-scope",
				"request:Claim.provider");
		assertForbidden(subscribe("ClaimResponse?request:Claim.provider=Organization/hf-other", dispensaryEmr),
				"criteria-out-of-scope", RAPTA_DISPENSARY);
		assertThat(subscribe("ClaimResponse?outcome=complete&request:Claim.provider=" + RAPTA_DISPENSARY, dispensaryEmr)
				.statusCode()).isEqualTo(201);
		// a claim administrator does not read payment statements at all
		assertForbidden(subscribe("PaymentReconciliation?requestor=" + RAPTA_DISPENSARY, dispensaryEmr),
				"type-not-readable", "PaymentReconciliation");
	}

	@Test
	void aDistrictUserSubscribesOnlyToTheVillagesOfTheirDistricts() throws Exception {
		assertForbidden(subscribe("Patient?gender=female", officerOfRapta), "criteria-out-of-scope", "family-group.village");
		assertForbidden(subscribe("Patient?family-group.village=" + MORA, officerOfRapta), "criteria-out-of-scope", RACHLA);
		assertForbidden(subscribe("Patient?family-group.village=" + RACHLA + "," + MORA, officerOfRapta),
				"criteria-out-of-scope", "family-group.village");
		assertForbidden(subscribe("PaymentNotice?status=active", officerOfRapta), "criteria-not-narrowable", "PaymentNotice");
		assertThat(subscribe("Location?name=Rachla", officerOfRapta).statusCode()).as("reference data").isEqualTo(201);
		HttpResponse<String> refused = send("POST", "/fhir/Subscription", fhirContext.newJsonParser().encodeResourceToString(
				SubscriptionHttpTestBase.restHook("Patient?gender=female", subscriber.hook().url(), null)), officerOfRapta,
				"Accept-Language", "fr");
		assertThat(refused.body()).contains("dans son propre périmètre");
	}

	@Test
	void aNarrowedSubscriptionDeliversWhatTheUserMaySee() throws Exception {
		TestSubscriber.Hook hook = subscriber.hook();
		String number = "8" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Subscription subscription = SubscriptionHttpTestBase.restHook(
				"Patient?family-group.village=" + RACHLA + "&identifier=" + Fixtures.INSURANCE_NUMBER + "|" + number,
				hook.url(), "application/fhir+json");
		HttpResponse<String> created = send("POST", "/fhir/Subscription",
				fhirContext.newJsonParser().encodeResourceToString(subscription), officerOfRapta);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = fhirContext.newJsonParser().parseResource(Subscription.class, created.body()).getIdElement().getIdPart();
		long deadline = System.nanoTime() + TestSubscriber.patience().toNanos();
		while (registry.get(id) == null && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		Parameters enrolment = new Parameters();
		enrolment.addParameter().setName("family").setResource(Fixtures.family(RACHLA, false));
		enrolment.addParameter().setName("member").setResource(Fixtures.insuree(number, "Scope", "Head", "male", "1980-01-01", true, null));
		HttpResponse<String> enrolled = send("POST", "/fhir/Group/$enrol",
				fhirContext.newJsonParser().encodeResourceToString(enrolment), officerOfRapta);
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);

		TestSubscriber.Delivery delivery = hook.await(d -> d.path().contains("/Patient/"), TestSubscriber.patience());
		assertThat(fhirContext.newJsonParser().parseResource(Patient.class, delivery.body()).getIdentifierFirstRep().getValue())
				.isEqualTo(number);
		assertThat(send("DELETE", "/fhir/Subscription/" + id, null, officerOfRapta).statusCode()).isEqualTo(200);
	}

	@Test
	void aUserSeesAndChangesOnlyTheSubscriptionsTheyCreated() throws Exception {
		HttpResponse<String> created = subscribe("ClaimResponse?request:Claim.provider=" + RAPTA_DISPENSARY, dispensaryEmr);
		assertThat(created.statusCode()).isEqualTo(201);
		String id = fhirContext.newJsonParser().parseResource(Subscription.class, created.body()).getIdElement().getIdPart();

		assertThat(send("GET", "/fhir/Subscription/" + id, null, dispensaryEmr).statusCode()).isEqualTo(200);
		assertForbidden(send("GET", "/fhir/Subscription/" + id, null, officerOfRapta), "not-owner", "emr-rtdi001");
		Bundle seen = fhirContext.newJsonParser().parseResource(Bundle.class,
				send("GET", "/fhir/Subscription?_count=200", null, officerOfRapta).body());
		assertThat(seen.getEntry()).noneMatch(e -> e.getResource() != null && e.getResource().getIdElement().getIdPart().equals(id));
		assertForbidden(send("DELETE", "/fhir/Subscription/" + id, null, officerOfRapta), "not-owner", "emr-rtdi001");
		assertThat(send("DELETE", "/fhir/Subscription/" + id, null, dispensaryEmr).statusCode()).isEqualTo(200);
	}
}
