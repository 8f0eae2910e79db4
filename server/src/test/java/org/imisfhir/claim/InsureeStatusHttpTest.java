package org.imisfhir.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.ITEM;
import static org.imisfhir.claim.ClaimScenario.line;

import java.net.http.HttpResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/**
 * An insuree's status change ends their own cover (decision 0027): the {@link ClaimScenario} family is covered from
 * 2026-04-10 to 2027-04-09; the head dies on 2026-08-05, the last day she is covered.
 */
class InsureeStatusHttpTest extends HttpTestBase {

	private static final String MEMBER = "https://imis-fhir.org/fhir/StructureDefinition/policy-member";

	@Test
	void aClaimForCareAfterTheDeathDateIsRejected() {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);

		Patient dead = changeStatus(scenario.patient, "DE", "décès constaté", "2026-08-05");

		Extension status = dead.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/insuree-status");
		assertThat(status.getExtensionByUrl("status").getValue().primitiveValue()).isEqualTo("DE");
		assertThat(status.getExtensionByUrl("date").getValue().primitiveValue()).isEqualTo("2026-08-05");
		Coverage policy = client.read().resource(Coverage.class).withId(scenario.policy).execute();
		Extension row = policy.getExtensionsByUrl(MEMBER).get(0);
		assertThat(((Reference) row.getExtensionByUrl("insuree").getValue()).getReference()).isEqualTo(scenario.patient);
		assertThat(row.getExtensionByUrl("expiryDate").getValue().primitiveValue()).isEqualTo("2026-08-05");
		assertThat(policy.getPeriod().getEndElement().getValueAsString()).as("the family policy itself runs on").isEqualTo("2027-04-09");

		ClaimResponse after = submit(scenario, "2026-08-06");
		assertThat(after.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(ClaimResponseReader.stage(after.getItemFirstRep(), "1").orElseThrow().getReason().getCodingFirstRep().getCode())
				.as("no policy covers the insuree on the date of care").isEqualTo("7");
		ClaimResponse onTheDay = submit(scenario, "2026-08-05");
		assertThat(ClaimResponseReader.stage(onTheDay.getItemFirstRep(), "1")).as("the status date is still covered").isEmpty();

		assertThat(eligibility(scenario, "2026-08-06").getInsurance()).isEmpty();
		assertThat(eligibility(scenario, "2026-08-05").getInsurance()).hasSize(1);
	}

	@Test
	void activeAgainRestoresTheCoverAndLeavesTheInactiveDaysUncovered() {
		// inactive on 2026-08-05 (still covered), active again on 2026-09-01: 2026-08-06 .. 2026-08-31 uncovered
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		changeStatus(scenario.patient, "IN", "parti en ville", "2026-08-05");

		Patient active = changeStatus(scenario.patient, "AC", "revenue au village", "2026-09-01");

		Extension status = active.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/insuree-status");
		assertThat(status.getExtensionByUrl("status").getValue().primitiveValue()).isEqualTo("AC");
		Coverage policy = client.read().resource(Coverage.class).withId(scenario.policy).execute();
		assertThat(policy.getExtensionsByUrl(MEMBER)).extracting(InsureeStatusHttpTest::describe).containsExactly(
				scenario.patient + " .. 2026-08-05 status IN: parti en ville",
				scenario.patient + " 2026-09-01 .. status AC: revenue au village");

		assertCovered(scenario, "2026-08-05");
		assertRejected7(scenario, "2026-08-06");
		assertRejected7(scenario, "2026-08-20");
		assertRejected7(scenario, "2026-08-31");
		assertCovered(scenario, "2026-09-01");
		assertThat(eligibility(scenario, "2026-08-20").getInsurance()).isEmpty();
		CoverageEligibilityResponse afterwards = eligibility(scenario, "2026-09-10");
		assertThat(afterwards.getInsurance()).hasSize(1);
		assertThat(afterwards.getInsuranceFirstRep().getBenefitPeriod().getStartElement().getValueAsString()).isEqualTo("2026-09-01");
		assertThat(afterwards.getInsuranceFirstRep().getBenefitPeriod().getEndElement().getValueAsString()).isEqualTo("2027-04-09");
		assertThat(eligibility(scenario, "2026-08-01").getInsuranceFirstRep().getBenefitPeriod().getEndElement().getValueAsString())
				.as("before the inactive time the cover runs to the status date").isEqualTo("2026-08-05");
	}

	@Test
	void activeAgainAfterAStatusSetByAPlainUpdateKeepsTheGapToo() {
		// IN written with PUT Patient (nothing recorded on the policy), then AC through the operation: the cut is
		// recorded with the restored cover, so 2026-08-20 stays uncovered
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		Patient insuree = client.read().resource(Patient.class).withId(scenario.patient).execute();
		insuree.getExtension().removeIf(e -> "https://imis-fhir.org/fhir/StructureDefinition/insuree-status".equals(e.getUrl()));
		Extension status = insuree.addExtension().setUrl("https://imis-fhir.org/fhir/StructureDefinition/insuree-status");
		status.addExtension("status", new CodeType("IN"));
		status.addExtension("reason", new StringType("parti en ville"));
		status.addExtension("date", new DateType("2026-08-05"));
		client.update().resource(insuree).execute();
		assertRejected7(scenario, "2026-08-20");

		changeStatus(scenario.patient, "AC", "revenue au village", "2026-09-01");

		Coverage policy = client.read().resource(Coverage.class).withId(scenario.policy).execute();
		assertThat(policy.getExtensionsByUrl(MEMBER)).extracting(InsureeStatusHttpTest::describe).containsExactly(
				scenario.patient + " .. 2026-08-05 status IN: parti en ville",
				scenario.patient + " 2026-09-01 .. status AC: revenue au village");
		assertRejected7(scenario, "2026-08-21");
		assertCovered(scenario, "2026-09-02");
	}

	@Test
	void inactiveOrDeadNeedsAReasonAndAKnownStatus() throws Exception {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);

		HttpResponse<String> noReason = postJson("/fhir/" + scenario.patient + "/$change-status",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"IN\"}]}", "Accept-Language", "fr");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("status-reason-required");
		HttpResponse<String> unknown = postJson("/fhir/" + scenario.patient + "/$change-status",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"XX\"}]}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("status-unknown");
		Coverage policy = client.read().resource(Coverage.class).withId(scenario.policy).execute();
		assertThat(policy.getExtensionsByUrl(MEMBER)).as("nothing written").isEmpty();
	}

	private void assertCovered(ClaimScenario scenario, String date) {
		assertThat(ClaimResponseReader.stage(submit(scenario, date).getItemFirstRep(), "1")).as("covered on " + date).isEmpty();
	}

	private void assertRejected7(ClaimScenario scenario, String date) {
		assertThat(ClaimResponseReader.stage(submit(scenario, date).getItemFirstRep(), "1").orElseThrow().getReason().getCodingFirstRep().getCode())
				.as("no policy covers the insuree on " + date).isEqualTo("7");
	}

	/** A policy-member row as "Patient/x effective .. expiry reason". */
	static String describe(Extension row) {
		Extension effective = row.getExtensionByUrl("effectiveDate");
		Extension expiry = row.getExtensionByUrl("expiryDate");
		Extension reason = row.getExtensionByUrl("reason");
		return ((Reference) row.getExtensionByUrl("insuree").getValue()).getReference()
				+ (effective == null ? "" : " " + effective.getValue().primitiveValue()) + " .."
				+ (expiry == null ? "" : " " + expiry.getValue().primitiveValue())
				+ (reason == null ? "" : " " + reason.getValue().primitiveValue());
	}

	private Patient changeStatus(String patient, String status, String reason, String date) {
		Parameters in = new Parameters();
		in.addParameter().setName("status").setValue(new CodeType(status));
		in.addParameter().setName("reason").setValue(new StringType(reason));
		in.addParameter().setName("date").setValue(new DateType(date));
		return client.operation().onInstance(patient).named("$change-status").withParameters(in).returnResourceType(Patient.class).execute();
	}

	private ClaimResponse submit(ClaimScenario scenario, String date) {
		Claim claim = scenario.claim(ClaimScenario.code("CL"), date, date);
		line(claim, ITEM, "0002", "1", "250");
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(claim);
		return client.operation().onType("Claim").named("$submit").withParameters(in).returnResourceType(ClaimResponse.class).execute();
	}

	private CoverageEligibilityResponse eligibility(ClaimScenario scenario, String date) {
		CoverageEligibilityRequest enquiry = new CoverageEligibilityRequest();
		enquiry.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
		enquiry.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
		enquiry.setPatient(new Reference(scenario.patient));
		enquiry.setServiced(new DateType(date));
		enquiry.setCreated(new Date());
		enquiry.setInsurer(new Reference("Organization/org-scheme"));
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(enquiry);
		return client.operation().onType("CoverageEligibilityRequest").named("$submit").withParameters(in)
				.returnResourceType(CoverageEligibilityResponse.class).execute();
	}
}
