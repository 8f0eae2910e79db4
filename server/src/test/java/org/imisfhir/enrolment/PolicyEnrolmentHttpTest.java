package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** Quotes and policies on the demo products, with the figures worked out by hand. */
class PolicyEnrolmentHttpTest extends HttpTestBase {

	@Test
	void perMemberProductQuote() {
		// PMTA0001: no lump sum, 3000 per adult, 1500 per child, general assembly fee 200 per member,
		// administration period 1 month, payment grace 2 months, insurance period 12 months, no cycles.
		// Two adults and a child of 10: contribution 2 x 3000 + 1 x 1500 = 7500; assembly 3 x 200 = 600;
		// value 8100.00. Enrolled 2026-03-10: start = 2026-03-10 + 1 month = 2026-04-10,
		// expiry = 2026-04-10 + 12 months - 1 day = 2027-04-09, last payment = 2026-03-10 + 2 months - 1 day = 2026-05-09.
		Parameters quote = quote("PMTA0001", "2026-03-10",
				Fixtures.insuree("Q1", "Tamba", "A", "male", "1980-01-01", true, null),
				Fixtures.insuree("Q2", "Tamba", "B", "female", "1985-01-01", false, "8"),
				Fixtures.insuree("Q3", "Tamba", "C", "female", "2016-01-01", false, "4"));

		assertThat(money(quote, "value")).isEqualByComparingTo("8100.00");
		assertThat(money(quote, "contribution")).isEqualByComparingTo("7500");
		assertThat(money(quote, "generalAssembly")).isEqualByComparingTo("600");
		assertThat(date(quote, "startDate")).isEqualTo("2026-04-10");
		assertThat(date(quote, "expiryDate")).isEqualTo("2027-04-09");
		assertThat(date(quote, "lastPaymentDate")).isEqualTo("2026-05-09");
	}

	@Test
	void fixedCycleProductQuoteByInstance() {
		// FCUL0001: lump sum 10000 covering 4 members, registration fee 500 per member, cycles 01-06 and 01-11,
		// enrolment grace 1 month, administration 0, insurance period 12 months.
		// Three members: within the lump sum, contribution 10000; registration 3 x 500 = 1500; value 11500.00.
		// Enrolled 2026-03-10: 2026-03-10 - 1 month = 2026-02-10, first cycle on or after it is 2026-06-01;
		// expiry 2027-05-31; last payment with cycles = start + 1 month - 1 day = 2026-06-30.
		Parameters quote = client.operation().onInstance("InsurancePlan/prod-fcul0001").named("$quote")
				.withParameters(parameters(null, "2026-03-10",
						Fixtures.insuree("Q4", "Ewane", "A", "male", "1970-01-01", true, null),
						Fixtures.insuree("Q5", "Ewane", "B", "female", "1972-01-01", false, "8"),
						Fixtures.insuree("Q6", "Ewane", "C", "male", "2010-01-01", false, "4")))
				.execute();

		assertThat(money(quote, "value")).isEqualByComparingTo("11500.00");
		assertThat(money(quote, "registration")).isEqualByComparingTo("1500");
		assertThat(date(quote, "startDate")).isEqualTo("2026-06-01");
		assertThat(date(quote, "expiryDate")).isEqualTo("2027-05-31");
		assertThat(date(quote, "lastPaymentDate")).isEqualTo("2026-06-30");
	}

	@Test
	void enrolmentWithAProductCreatesAnIdlePolicyOnceEvenWhenResent() {
		String head = unique("P");
		Coverage first = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			Parameters request = parameters("PMTA0001", "2026-03-10",
					Fixtures.insuree(head, "Bikoko", "A", "male", "1980-01-01", true, null),
					Fixtures.insuree(head + "1", "Bikoko", "B", "female", "2016-01-01", false, "4"));
			request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
			Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
					.returnResourceType(Bundle.class).execute();
			Coverage policy = (Coverage) created.getEntry().get(3).getResource();
			if (first == null) {
				first = policy;
			}
			assertThat(policy.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
		}

		// one adult 3000 + one child 1500 + assembly 2 x 200 = 4900.00
		Extension details = first.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/policy-details");
		assertThat(((Money) details.getExtensionByUrl("value").getValue()).getValue()).isEqualByComparingTo("4900.00");
		assertThat(first.getStatus()).isEqualTo(Coverage.CoverageStatus.DRAFT);
		assertThat(first.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-04-10");
		assertThat(first.getClass_().get(0).getValue()).isEqualTo("PMTA0001");
		Bundle policies = client.search().byUrl("Coverage?product=PMTA0001&policy-status=1&beneficiary=" + first.getBeneficiary().getReference())
				.returnBundle(Bundle.class).execute();
		assertThat(policies.getEntry()).hasSize(1);
	}

	@Test
	void anUnknownProductIsRefused() throws Exception {
		Parameters request = parameters("NOPE0001", "2026-03-10", Fixtures.insuree("Q7", "X", "A", "male", "1980-01-01", true, null));

		HttpResponse<String> response = postJson("/fhir/InsurancePlan/$quote", fhirContext.newJsonParser().encodeResourceToString(request));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("product-unknown");
	}

	private Parameters quote(String product, String enrolDate, Patient... members) {
		return client.operation().onType(InsurancePlan.class).named("$quote")
				.withParameters(parameters(product, enrolDate, members)).execute();
	}

	private static Parameters parameters(String product, String enrolDate, Patient... members) {
		Parameters parameters = new Parameters();
		if (product != null) {
			parameters.addParameter("product", new StringType(product));
		}
		parameters.addParameter("enrolDate", new DateType(enrolDate));
		for (Patient member : members) {
			parameters.addParameter().setName("member").setResource(member);
		}
		return parameters;
	}

	private static BigDecimal money(Parameters parameters, String name) {
		return ((Money) parameters.getParameter(name).getValue()).getValue();
	}

	private static String date(Parameters parameters, String name) {
		return ((DateType) parameters.getParameter(name).getValue()).getValueAsString();
	}
}
