package org.imisfhir.claim;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.ITEM;
import static org.imisfhir.claim.ClaimScenario.SERVICE;
import static org.imisfhir.claim.ClaimScenario.line;

/** Selection of checked claims for review and feedback, and the enrolment officer's feedback (seed 001 §3.2.5). */
class ClaimSelectionHttpTest extends HttpTestBase {

	@Test
	void claimsAboveTheAmountAreSelectedForReviewAndTheOthersAreNot() {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		String big = checkedClaim(scenario, "2026-09-14", SERVICE, "C11", "1", "15000");   // claimed 15,000
		String small = checkedClaim(scenario, "2026-09-14", ITEM, "0002", "4", "250");      // claimed 1,000

		Parameters in = new Parameters();
		in.addParameter("for", new CodeType("review"));
		in.addParameter("amountAbove", new DecimalType(10000));
		in.addParameter("facility", new Reference(ClaimScenario.FACILITY));
		in.addParameter("from", new DateType("2026-09-14"));
		in.addParameter("to", new DateType("2026-09-14"));
		Parameters out = client.operation().onType("Claim").named("$select").withParameters(in).execute();

		assertThat(out.getParameters("selected")).extracting(p -> ((Reference) p.getValue()).getReference())
				.contains("Claim/" + big).doesNotContain("Claim/" + small);
		assertThat(reviewStatus(big)).isEqualTo("4");
		assertThat(reviewStatus(small)).isEqualTo("2");

		// processing a claim selected for review that nobody reviewed bypasses the review
		client.operation().onInstance("Claim/" + big).named("$process").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(reviewStatus(big)).isEqualTo("16");
	}

	@Test
	void feedbackIsPromptedThenDeliveredByTheOfficer() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		String id = checkedClaim(scenario, "2026-09-15", SERVICE, "C11", "1", "15000");
		Parameters in = new Parameters();
		in.addParameter("for", new CodeType("feedback"));
		in.addParameter("claim", new Reference("Claim/" + id));
		client.operation().onType("Claim").named("$select").withParameters(in).execute();

		Bundle prompts = client.search().byUrl("CommunicationRequest?about=Claim/" + id).returnBundle(Bundle.class).execute();
		assertThat(prompts.getEntry()).hasSize(1);
		CommunicationRequest prompt = (CommunicationRequest) prompts.getEntryFirstRep().getResource();
		assertThat(prompt.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
		assertThat(prompt.getPayload()).hasSize(5);

		HttpResponse<String> refused = postJson("/fhir/Communication",
				fhirContext.newJsonParser().encodeResourceToString(feedback(scenario, id, "maybe", "4")));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("claim-feedback-answer-invalid");

		client.create().resource(feedback(scenario, id, "yes", "4")).execute();
		Claim claim = client.read().resource(Claim.class).withId(id).execute();
		assertThat(claim.getExtensionByUrl(ClaimProfiles.WORKFLOW).getExtensionByUrl("feedbackStatus").getValue().primitiveValue())
				.isEqualTo("8");
		CommunicationRequest done = client.read().resource(CommunicationRequest.class).withId(prompt.getIdElement().getIdPart()).execute();
		assertThat(done.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.COMPLETED);
	}

	private String checkedClaim(ClaimScenario scenario, String day, String system, String code, String quantity, String price) {
		Claim claim = scenario.claim(ClaimScenario.code("CL"), day, null);
		line(claim, system, code, quantity, price);
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		return id;
	}

	private String reviewStatus(String id) {
		Claim claim = client.read().resource(Claim.class).withId(id).execute();
		return claim.getExtensionByUrl(ClaimProfiles.WORKFLOW).getExtensionByUrl("reviewStatus").getValue().primitiveValue();
	}

	private static Communication feedback(ClaimScenario scenario, String claimId, String careRendered, String assessment) {
		Communication feedback = new Communication();
		feedback.setStatus(Communication.CommunicationStatus.COMPLETED);
		feedback.setSubject(new Reference(scenario.patient));
		feedback.addAbout(new Reference("Claim/" + claimId));
		answer(feedback, "CareRendered", careRendered);
		answer(feedback, "PaymentAsked", "no");
		answer(feedback, "DrugPrescribed", "yes");
		answer(feedback, "DrugReceived", "yes");
		answer(feedback, "Asessment", assessment);
		return feedback;
	}

	private static void answer(Communication feedback, String code, String value) {
		Communication.CommunicationPayloadComponent payload = feedback.addPayload();
		payload.addExtension(ClaimSelectionProvider.PAYLOAD_TYPE, new CodeableConcept(new Coding(ClaimSelectionProvider.PAYLOAD_SYSTEM, code, null)));
		payload.setContent(new StringType(value));
	}
}
