package org.imisfhir.claim;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.ITEM;
import static org.imisfhir.claim.ClaimScenario.SERVICE;
import static org.imisfhir.claim.ClaimScenario.line;

/**
 * A claim of the demo scheme from entry to valuation (seed 001 §3.2.1-3.2.6) at Rapta Dispensary (care type O),
 * for a woman born 1990 insured on PMTA0001 since 2026-04-10. PMTA0001: treatment deductible 500; insuree
 * out-patient ceiling 100,000; C11 normal delivery P/C 80 %, waiting 3 months, excluded from the ceiling;
 * item 0002 adrenaline P/C 90 %, at most 30 per policy period, excluded from the ceiling in out-patient care.
 * Care on 2026-08-03.
 */
class ClaimWorkflowHttpTest extends HttpTestBase {

	@Test
	void aClaimIsEnteredSubmittedReviewedAndValuated() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		String code = ClaimScenario.code("CL");
		Claim claim = scenario.claim(code, "2026-08-03", "2026-08-03");
		line(claim, SERVICE, "C11", "1", "15000");   // delivery: 15000 - 500 deductible = 14500 x 80 % = 11600
		line(claim, ITEM, "0002", "40", "250");      // cut to 30: 30 x 250 = 7500 x 90 % = 6750
		line(claim, ITEM, "0003", "2", "150");       // not on Rapta's item price list: 2
		line(claim, SERVICE, "C8", "1", "120000");   // caesarean, in-patient only, at an out-patient facility: 10
		line(claim, SERVICE, "C2", "1", "1500");     // consultation, not covered by PMTA0001: 3

		String id = client.create().resource(claim).execute().getId().getIdPart();
		Claim entered = client.read().resource(Claim.class).withId(id).execute();
		assertThat(status(entered)).isEqualTo("2");

		ClaimResponse checked = client.operation().onInstance("Claim/" + id).named("$submit")
				.withNoParameters(Parameters.class).returnResourceType(ClaimResponse.class).execute();

		assertThat(checked.getIdElement().getIdPart()).isEqualTo("cr-" + id);
		assertThat(checked.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.PARTIAL);
		assertThat(stage(checked, 1, "4")).hasValueSatisfying(a -> {
			assertThat(a.getAmount().getValue()).isEqualByComparingTo("11600");
			assertThat(a.getValue()).isEqualByComparingTo("1");
		});
		assertThat(stage(checked, 2, "4")).hasValueSatisfying(a -> {
			assertThat(a.getAmount().getValue()).isEqualByComparingTo("6750");
			assertThat(a.getValue()).isEqualByComparingTo("30");
		});
		assertThat(rejection(checked, 3)).isEqualTo("2");
		assertThat(rejection(checked, 4)).isEqualTo("10");
		assertThat(rejection(checked, 5)).isEqualTo("3");
		assertThat(total(checked, "4")).isEqualByComparingTo("18350.00");
		assertThat(checked.getProcessNote()).extracting(ClaimResponse.NoteComponent::getText)
				.anyMatch(text -> text.startsWith("Line 3 (reason 2)") && text.contains("price list"))
				.anyMatch(text -> text.startsWith("Ligne 3 (motif 2)") && text.contains("liste de prix"));
		ClaimResponse.InsuranceComponent insurance = checked.getInsuranceFirstRep();
		assertThat(insurance.getCoverage().getReference()).isEqualTo(scenario.policy);
		// deducted 500 (C11); ceiling used 0: C11 is excluded from the ceiling in both care types (B), 0002 in
		// out-patient care (N, non-hospital), and this one-day claim at an out-patient facility is out-patient
		assertThat(((DecimalType) insurance.getExtensionByUrl(ClaimProfiles.ALLOWANCE_USAGE).getExtensionByUrl("deducted").getValue()).getValue())
				.isEqualByComparingTo("500");
		assertThat(((DecimalType) insurance.getExtensionByUrl(ClaimProfiles.ALLOWANCE_USAGE).getExtensionByUrl("ceilingUsed").getValue()).getValue())
				.isEqualByComparingTo("0");
		assertThat(status(client.read().resource(Claim.class).withId(id).execute())).isEqualTo("4");

		// a checked claim can no longer be edited by the facility
		Claim edit = client.read().resource(Claim.class).withId(id).execute();
		edit.getItemFirstRep().getQuantity().setValue(2);
		HttpResponse<String> refused = put("/fhir/Claim/" + id, fhirContext.newJsonParser().encodeResourceToString(edit));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("claim-not-entered");

		// the medical officer approves 20 of line 2: 20 x 250 = 5000 x 90 % = 4500; total 11600 + 4500 = 16100
		Parameters review = new Parameters();
		Parameters.ParametersParameterComponent decision = review.addParameter().setName("line");
		decision.addPart().setName("sequence").setValue(new PositiveIntType(2));
		decision.addPart().setName("quantityApproved").setValue(new DecimalType(20));
		ClaimResponse reviewed = client.operation().onInstance("Claim/" + id).named("$review")
				.withParameters(review).returnResourceType(ClaimResponse.class).execute();
		assertThat(total(reviewed, "4")).isEqualByComparingTo("16100.00");

		ClaimResponse valuated = client.operation().onInstance("Claim/" + id).named("$process")
				.withNoParameters(Parameters.class).returnResourceType(ClaimResponse.class).execute();
		assertThat(valuated.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(total(valuated, "16")).isEqualByComparingTo("16100.00");
		assertThat(stage(valuated, 2, "16")).hasValueSatisfying(a -> assertThat(a.getAmount().getValue()).isEqualByComparingTo("4500"));
		Claim done = client.read().resource(Claim.class).withId(id).execute();
		assertThat(status(done)).isEqualTo("16");
		assertThat(workflow(done, "reviewStatus")).isEqualTo("8");

		Bundle found = client.search().byUrl("Claim?imis-status=16&provider=" + ClaimScenario.FACILITY + "&patient=" + scenario.patient)
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
		Bundle responses = client.search().byUrl("ClaimResponse?request=Claim/" + id).returnBundle(Bundle.class).execute();
		assertThat(responses.getEntry()).hasSize(1);
	}

	@Test
	void theSameCodeAtTheFacilityOrTheSameServiceOnTheSameDayIsADuplicate() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		String code = ClaimScenario.code("CL");
		Claim first = scenario.claim(code, "2026-08-03", null);
		line(first, SERVICE, "C11", "1", "15000");
		client.create().resource(first).execute();

		Claim sameCode = scenario.claim(code, "2026-08-05", null);
		line(sameCode, ITEM, "0001", "1", "10");
		HttpResponse<String> codeRefused = postJson("/fhir/Claim", fhirContext.newJsonParser().encodeResourceToString(sameCode),
				"Accept-Language", "fr");
		assertThat(codeRefused.statusCode()).isEqualTo(409);
		assertThat(codeRefused.body()).contains("claim-code-duplicate").contains("a déjà une demande");

		Claim sameService = scenario.claim(ClaimScenario.code("CL"), "2026-08-03", null);
		line(sameService, SERVICE, "C11", "1", "15000");
		HttpResponse<String> serviceRefused = postJson("/fhir/Claim", fhirContext.newJsonParser().encodeResourceToString(sameService));
		assertThat(serviceRefused.statusCode()).isEqualTo(409);
		assertThat(serviceRefused.body()).contains("claim-service-duplicate");
		Bundle claims = client.search().byUrl("Claim?patient=" + scenario.patient).returnBundle(Bundle.class).execute();
		assertThat(claims.getEntry()).hasSize(1);

		// an update is checked too when it changes what a duplicate is found by, and not refused when it does not
		Claim other = scenario.claim(ClaimScenario.code("CL"), "2026-08-07", null);
		line(other, ITEM, "0001", "1", "10");
		String otherId = client.create().resource(other).execute().getId().getIdPart();
		Claim stored = client.read().resource(Claim.class).withId(otherId).execute();
		stored.setIdentifier(List.of(stored.getIdentifierFirstRep().copy().setValue(code)));
		HttpResponse<String> updateRefused = put("/fhir/Claim/" + otherId, fhirContext.newJsonParser().encodeResourceToString(stored));
		assertThat(updateRefused.statusCode()).isEqualTo(409);
		assertThat(updateRefused.body()).contains("claim-code-duplicate");
		Claim unchangedKeys = client.read().resource(Claim.class).withId(otherId).execute();
		unchangedKeys.getItemFirstRep().getQuantity().setValue(new BigDecimal("2"));
		assertThat(put("/fhir/Claim/" + otherId, fhirContext.newJsonParser().encodeResourceToString(unchangedKeys)).statusCode())
				.isEqualTo(200);
	}

	@Test
	void aCheckedClaimReturnedForMissingDataIsCorrectedAndSubmittedAgain() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		Claim claim = scenario.claim(ClaimScenario.code("CL"), "2026-08-03", null);
		line(claim, ITEM, "0002", "4", "250");   // 4 x 250 = 1000 - 500 deductible = 500 x 90 % = 450
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();

		ClaimResponse returned = client.operation().onInstance("Claim/" + id).named("$return")
				.withParameter(Parameters.class, "reason", new StringType("Diagnostic secondaire manquant"))
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(returned.getStatus()).isEqualTo(ClaimResponse.ClaimResponseStatus.CANCELLED);
		Claim back = client.read().resource(Claim.class).withId(id).execute();
		assertThat(status(back)).isEqualTo("2");
		assertThat(workflow(back, "returnReason")).isEqualTo("Diagnostic secondaire manquant");

		back.addDiagnosis().setSequence(2).setDiagnosis(new org.hl7.fhir.r4.model.CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "D50", null)));
		client.update().resource(back).execute();
		ClaimResponse again = client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(again.getStatus()).isEqualTo(ClaimResponse.ClaimResponseStatus.ACTIVE);
		assertThat(total(again, "4")).isEqualByComparingTo("450.00");
	}

	@Test
	void aClaimWithoutDatesIsRejectedAndCanBeRestoredAsANewClaim() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		Claim claim = scenario.claim(ClaimScenario.code("CL"), null, null);
		line(claim, ITEM, "0001", "1", "10");
		Parameters submit = new Parameters();
		submit.addParameter().setName("resource").setResource(claim);
		ClaimResponse rejected = client.operation().onType("Claim").named("$submit").withParameters(submit)
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(rejected.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(rejection(rejected, 1)).isEqualTo("9");
		String id = rejected.getRequest().getReferenceElement().getIdPart();
		assertThat(status(client.read().resource(Claim.class).withId(id).execute())).isEqualTo("1");

		HttpResponse<String> notChecked = postJson("/fhir/Claim/" + id + "/$process", "{\"resourceType\":\"Parameters\"}");
		assertThat(notChecked.statusCode()).isEqualTo(422);
		assertThat(notChecked.body()).contains("claim-not-checked");

		Claim restored = client.operation().onInstance("Claim/" + id).named("$restore").withNoParameters(Parameters.class)
				.returnResourceType(Claim.class).execute();
		assertThat(status(restored)).isEqualTo("2");
		assertThat(ClaimReader.code(restored)).endsWith("-R");
	}

	private static String status(Claim claim) {
		return ((Coding) claim.getExtensionByUrl(ClaimProfiles.WORKFLOW).getExtensionByUrl("status").getValue()).getCode();
	}

	private static String workflow(Claim claim, String part) {
		Extension value = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW).getExtensionByUrl(part);
		return value == null ? null : value.getValue().primitiveValue();
	}

	private static Optional<ClaimResponse.AdjudicationComponent> stage(ClaimResponse response, int sequence, String stage) {
		return response.getItem().stream().filter(i -> i.getItemSequence() == sequence).findFirst()
				.flatMap(item -> ClaimResponseReader.stage(item, stage));
	}

	private static String rejection(ClaimResponse response, int sequence) {
		return stage(response, sequence, "1").orElseThrow().getReason().getCodingFirstRep().getCode();
	}

	private static BigDecimal total(ClaimResponse response, String stage) {
		return response.getTotal().stream()
				.filter(t -> t.getCategory().getCoding().stream().anyMatch(c -> ClaimProfiles.STATUS_SYSTEM.equals(c.getSystem()) && stage.equals(c.getCode())))
				.map(t -> t.getAmount().getValue()).findFirst().orElseThrow();
	}

	private HttpResponse<String> put(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(serverUrl() + path)).header("Content-Type", "application/fhir+json")
				.PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

}
