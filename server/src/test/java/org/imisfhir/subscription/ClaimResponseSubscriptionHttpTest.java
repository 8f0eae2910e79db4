package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.SERVICE;
import static org.imisfhir.claim.ClaimScenario.line;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.imisfhir.claim.ClaimScenario;
import org.junit.jupiter.api.Test;

/** An EMR subscribed to the claim results of its patient is told when a ClaimResponse is created and changed. */
class ClaimResponseSubscriptionHttpTest extends SubscriptionHttpTestBase {

	@Test
	void theClaimResponseIsDeliveredWhenCreatedAndAgainWhenChanged() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		TestSubscriber.Hook emr = subscriber.hook();
		subscribe(restHook("ClaimResponse?patient=" + scenario.patient, emr.url(), "application/fhir+json",
				"Authorization: Bearer emr-secret"));

		Claim claim = scenario.claim(ClaimScenario.code("CL"), "2026-08-03", "2026-08-03");
		line(claim, SERVICE, "C11", "1", "15000");   // delivery: 15000 - 500 deductible = 14500 x 80 % = 11600
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();

		// HAPI's rest-hook puts the resource at <endpoint>/ClaimResponse/<id>, with the subscriber's header
		TestSubscriber.Delivery checked = emr.await(d -> d.path().endsWith("/ClaimResponse/cr-" + id), TestSubscriber.patience());
		assertThat(checked.method()).isEqualTo("PUT");
		assertThat(checked.header("Authorization")).isEqualTo("Bearer emr-secret");
		assertThat(checked.header("Content-Type")).startsWith("application/fhir+json");
		ClaimResponse delivered = fhirContext.newJsonParser().parseResource(ClaimResponse.class, checked.body());
		assertThat(delivered.getRequest().getReference()).isEqualTo("Claim/" + id);
		assertThat(delivered.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.PARTIAL); // checked, not yet valuated

		// valuation changes the ClaimResponse: a second notification carries the new version
		client.operation().onInstance("Claim/" + id).named("$process").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		String firstVersion = delivered.getMeta().getVersionId();
		TestSubscriber.Delivery valuated = emr.await(d -> d.path().endsWith("/ClaimResponse/cr-" + id)
				&& !firstVersion.equals(fhirContext.newJsonParser().parseResource(ClaimResponse.class, d.body()).getMeta().getVersionId()),
				TestSubscriber.patience());
		ClaimResponse changed = fhirContext.newJsonParser().parseResource(ClaimResponse.class, valuated.body());
		assertThat(Integer.parseInt(changed.getMeta().getVersionId())).isGreaterThan(Integer.parseInt(firstVersion));
		assertThat(changed.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(changed.getTotal()).anyMatch(total -> total.getCategory().getCodingFirstRep().getCode().equals("16"));
	}
}
