package org.imisfhir.claim;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.ITEM;
import static org.imisfhir.claim.ClaimScenario.line;

/**
 * Eligibility at the point of care for the PMTA0001 insuree of {@link ClaimScenario}: maxima 12 consultations,
 * 2 hospitalisations, 4 antenatal visits; treatment deductible 500; insuree ceilings 200,000 in-patient and
 * 100,000 out-patient; item 0002 at most 30 a policy period, no waiting period.
 */
class EligibilityHttpTest extends HttpTestBase {

	@Test
	void anEnquiryByInsuranceNumberReturnsThePolicyInForceAndWhatIsLeft() {
		ClaimScenario scenario = ClaimScenario.insuredFamily(client);
		Claim claim = scenario.claim(ClaimScenario.code("CL"), "2026-08-03", null);
		line(claim, ITEM, "0002", "10", "250");
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();

		CoverageEligibilityRequest enquiry = new CoverageEligibilityRequest();
		enquiry.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
		enquiry.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
		enquiry.setPatient(new Reference().setIdentifier(new Identifier()
				.setSystem("https://imis-fhir.org/fhir/sid/insurance-number").setValue(scenario.insuranceNumber)));
		enquiry.setServiced(new DateType("2026-08-10"));
		enquiry.setCreated(new Date());
		enquiry.setInsurer(new Reference("Organization/org-scheme"));
		enquiry.addItem().setCategory(new CodeableConcept(new Coding(
						"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "item", null)))
				.getProductOrService().setText("0002");
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(enquiry);

		CoverageEligibilityResponse response = client.operation().onType("CoverageEligibilityRequest").named("$submit")
				.withParameters(in).returnResourceType(CoverageEligibilityResponse.class).execute();

		assertThat(response.getInsurance()).hasSize(1);
		CoverageEligibilityResponse.InsuranceComponent insurance = response.getInsuranceFirstRep();
		assertThat(insurance.getCoverage().getReference()).isEqualTo(scenario.policy);
		assertThat(insurance.getBenefitPeriod().getStartElement().getValueAsString()).isEqualTo("2026-04-10");
		CoverageEligibilityResponse.ItemsComponent benefits = insurance.getItemFirstRep();
		assertThat(benefits.getName()).isEqualTo("PMTA0001");
		assertThat(count(benefits, "consultations_left")).isEqualTo(12);
		assertThat(count(benefits, "admissions_left")).isEqualTo(2);
		assertThat(amount(benefits, "total_deduction")).isEqualTo("500");
		assertThat(amount(benefits, "hospital_ceiling")).isEqualTo("200000");
		// 0002 is excluded from the out-patient ceiling (N): the claim used none of it
		assertThat(amount(benefits, "non_hospital_ceiling")).isEqualTo("100000");
		CoverageEligibilityResponse.ItemsComponent item = insurance.getItem().get(1);
		assertThat(item.getExcluded()).isFalse();
		// 30 at most, 10 on the checked claim: 20 left
		assertThat(count(item, "item_left")).isEqualTo(20);
		assertThat(benefit(item, "min_date_item").getAllowed().primitiveValue()).isEqualTo("2026-04-10");
	}

	@Test
	void anUnknownInsureeIsAClearRefusal() throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{"
				+ "\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"purpose\":[\"benefits\"],"
				+ "\"patient\":{\"identifier\":{\"value\":\"000000001\"}},\"created\":\"2026-08-10\","
				+ "\"insurer\":{\"reference\":\"Organization/org-scheme\"}}}]}";
		HttpResponse<String> response = postJson("/fhir/CoverageEligibilityRequest/$submit", body, "Accept-Language", "fr");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("claim-patient-unknown").contains("n'est pas connu");
	}

	private static CoverageEligibilityResponse.BenefitComponent benefit(CoverageEligibilityResponse.ItemsComponent item, String code) {
		return item.getBenefit().stream().filter(b -> code.equals(b.getType().getCodingFirstRep().getCode())).findFirst().orElseThrow();
	}

	private static int count(CoverageEligibilityResponse.ItemsComponent item, String code) {
		return Integer.parseInt(benefit(item, code).getAllowed().primitiveValue());
	}

	private static String amount(CoverageEligibilityResponse.ItemsComponent item, String code) {
		return ((Money) benefit(item, code).getAllowed()).getValue().stripTrailingZeros().toPlainString();
	}
}
