package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** Contributions on a PMTA0001 policy worth 4900.00 (one adult 3000, one child 1500, assembly 2 x 200). */
class ContributionHttpTest extends HttpTestBase {

	@Test
	void installmentsActivateThePolicyWhenTheyReachItsValue() throws Exception {
		Coverage policy = newPolicy();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();

		// 2000 on 2026-03-15: 2000 < 4900, the policy stays idle (status 1)
		client.create().resource(contribution(policyRef, unique("RC"), "2000", "2026-03-15")).execute();
		Coverage afterFirst = client.read().resource(Coverage.class).withId(policy.getIdElement().getIdPart()).execute();
		assertThat(statusCode(afterFirst)).isEqualTo("1");

		// 2900 on 2026-03-20: 2000 + 2900 = 4900 = value, active; effective = max(2026-03-20, start 2026-04-10) = 2026-04-10
		client.create().resource(contribution(policyRef, unique("RC"), "2900", "2026-03-20")).execute();
		Coverage afterSecond = client.read().resource(Coverage.class).withId(policy.getIdElement().getIdPart()).execute();
		assertThat(statusCode(afterSecond)).isEqualTo("2");
		assertThat(afterSecond.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
		Extension details = afterSecond.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/policy-details");
		assertThat(details.getExtensionByUrl("effectiveDate").getValue().primitiveValue()).isEqualTo("2026-04-10");

		Bundle contributions = client.search().byUrl("PaymentNotice?request=" + policyRef).returnBundle(Bundle.class).execute();
		assertThat(contributions.getEntry()).hasSize(2);
	}

	@Test
	void aContributionAfterTheLastDateForPaymentIsRefusedAndWritesNothing() throws Exception {
		Coverage policy = newPolicy();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();

		// last date for payment = 2026-03-10 + 2 months - 1 day = 2026-05-09
		HttpResponse<String> response = postJson("/fhir/PaymentNotice", fhirContext.newJsonParser().encodeResourceToString(
				contribution(policyRef, unique("RC"), "4900", "2026-05-10")), "Accept-Language", "fr");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("contribution-after-last-date").contains("date limite de paiement");
		Bundle contributions = client.search().byUrl("PaymentNotice?request=" + policyRef).returnBundle(Bundle.class).execute();
		assertThat(contributions.getEntry()).isEmpty();
	}

	@Test
	void aReceiptNumberIsUsedOncePerProduct() throws Exception {
		Coverage policy = newPolicy();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();
		String receipt = unique("RC");
		client.create().resource(contribution(policyRef, receipt, "100", "2026-03-11")).execute();

		HttpResponse<String> again = postJson("/fhir/PaymentNotice",
				fhirContext.newJsonParser().encodeResourceToString(contribution(policyRef, receipt, "100", "2026-03-12")));

		assertThat(again.statusCode()).isEqualTo(409);
	}

	@Test
	void overpaymentActivatesWithAWarning() {
		Coverage policy = newPolicy();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();

		String id = client.create().resource(contribution(policyRef, unique("RC"), "5000.50", "2026-04-20")).execute().getId().getIdPart();

		PaymentNotice stored = client.read().resource(PaymentNotice.class).withId(id).execute();
		Extension details = stored.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/contribution-details");
		assertThat(details.getExtensionsByUrl("warning")).extracting(e -> e.getValue().primitiveValue()).contains("overpaid");
		Coverage active = client.read().resource(Coverage.class).withId(policy.getIdElement().getIdPart()).execute();
		assertThat(statusCode(active)).isEqualTo("2");
		// effective = max(pay date 2026-04-20, start 2026-04-10) = 2026-04-20
		assertThat(active.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/policy-details")
				.getExtensionByUrl("effectiveDate").getValue().primitiveValue()).isEqualTo("2026-04-20");
	}

	private Coverage newPolicy() {
		String head = unique("C");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Nanga", "A", "male", "1980-01-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "1", "Nanga", "B", "female", "2016-01-01", false, "4"));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		Coverage policy = (Coverage) created.getEntry().get(3).getResource();
		Extension details = policy.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/policy-details");
		assertThat(((Money) details.getExtensionByUrl("value").getValue()).getValue()).isEqualByComparingTo("4900.00");
		return policy;
	}

	static PaymentNotice contribution(String policyReference, String receipt, String amount, String payDate) {
		return Fixtures.contribution(policyReference, receipt, amount, payDate);
	}

	private static String statusCode(Coverage policy) {
		return ((CodeableConcept) policy.getExtensionByUrl(
				"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-policy-status").getValue())
				.getCodingFirstRep().getCode();
	}
}
