package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PMTA0001 (3000 per adult, 1500 per child, assembly 200 per member, administration 1 month, renewal
 * discount 10 % when renewed at least 1 month before expiry + 1 day) for one adult and one child.
 */
class RenewalHttpTest extends HttpTestBase {

	private static final String DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/policy-details";

	@Autowired
	PolicyExpiry policyExpiry;

	@Autowired
	RenewalProposals renewalProposals;

	@Test
	void anEarlyRenewalGetsTheDiscountAndCannotBeMadeTwice() throws Exception {
		// Enrolled 2025-01-10: start 2025-02-10, expiry 2026-02-09.
		Coverage policy = enrol("2025-01-10");
		assertThat(policy.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-02-09");

		// Renewed on 2026-01-05 <= 2026-02-09 + 1 day - 1 month = 2026-01-10: discount applies (decision 4).
		// 3000 + 1500 + 2 x 200 = 4900, minus 10 % = 4410.00; a renewal has no administration period:
		// start 2026-01-05, expiry 2027-01-04.
		Parameters renew = new Parameters();
		renew.addParameter("enrolDate", new DateType("2026-01-05"));
		Coverage renewal = client.operation().onInstance(policy.getIdElement().toUnqualifiedVersionless()).named("$renew")
				.withParameters(renew).returnResourceType(Coverage.class).execute();

		Extension details = renewal.getExtensionByUrl(DETAILS);
		assertThat(details.getExtensionByUrl("stage").getValue().primitiveValue()).isEqualTo("R");
		assertThat(((Money) details.getExtensionByUrl("value").getValue()).getValue()).isEqualByComparingTo("4410.00");
		assertThat(renewal.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
		assertThat(renewal.getPeriod().getEndElement().getValueAsString()).isEqualTo("2027-01-04");

		HttpResponse<String> again = postJson("/fhir/Coverage/" + policy.getIdElement().getIdPart() + "/$renew",
				fhirContext.newJsonParser().encodeResourceToString(renew));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("renewal-exists");
	}

	@Test
	void aLateRenewalPaysFullPrice() {
		Coverage policy = enrol("2025-01-10");
		Parameters renew = new Parameters();
		// 2026-01-20 > 2026-01-10: no discount, 4900.00
		renew.addParameter("enrolDate", new DateType("2026-01-20"));

		Coverage renewal = client.operation().onInstance(policy.getIdElement().toUnqualifiedVersionless()).named("$renew")
				.withParameters(renew).returnResourceType(Coverage.class).execute();

		assertThat(((Money) renewal.getExtensionByUrl(DETAILS).getExtensionByUrl("value").getValue()).getValue())
				.isEqualByComparingTo("4900.00");
	}

	@Test
	void policiesPastTheirExpiryAreExpired() {
		Coverage policy = enrol("2024-06-10"); // start 2024-07-10, expiry 2025-07-09

		int expired = policyExpiry.expireBefore(java.time.LocalDate.parse("2025-08-01"));

		Coverage after = client.read().resource(Coverage.class).withId(policy.getIdElement().getIdPart()).execute();
		assertThat(expired).isGreaterThanOrEqualTo(1);
		assertThat(((CodeableConcept) after.getExtensionByUrl(PolicyBuilder.POLICY_STATUS).getValue()).getCodingFirstRep().getCode())
				.isEqualTo("8");
		Bundle expiring = client.search().byUrl("Coverage?expiry=ge2025-07-01&expiry=le2025-07-31&_id=" + policy.getIdElement().getIdPart())
				.returnBundle(Bundle.class).execute();
		assertThat(expiring.getEntry()).hasSize(1);
	}

	@Test
	void activePoliciesExpiringSoonGetARenewalProposalOnce() {
		// Enrolled 2023-01-10: start 2023-02-10, expiry 2024-02-09; paid in full so it is active.
		Coverage policy = enrol("2023-01-10");
		client.create().resource(ContributionHttpTest.contribution(
				"Coverage/" + policy.getIdElement().getIdPart(), unique("RC"), "4900", "2023-01-15")).execute();

		// On 2024-02-01 it expires within 14 days: one renewal, entered on the day after expiry (2024-02-10),
		// 2024-02-10 > 2024-02-10 - 1 month, so no renewal discount: 4900.00.
		int first = renewalProposals.proposeDue(java.time.LocalDate.parse("2024-02-01"));
		int second = renewalProposals.proposeDue(java.time.LocalDate.parse("2024-02-01"));

		Bundle ofFamily = client.search().byUrl("Coverage?family=" + ((org.hl7.fhir.r4.model.Reference) policy
						.getExtensionByUrl(DETAILS).getExtensionByUrl("family").getValue()).getReference())
				.returnBundle(Bundle.class).execute();
		assertThat(first).isGreaterThanOrEqualTo(1);
		assertThat(second).isZero();
		assertThat(ofFamily.getEntry()).hasSize(2);
		Coverage renewal = ofFamily.getEntry().stream().map(e -> (Coverage) e.getResource())
				.filter(c -> !c.getIdElement().getIdPart().equals(policy.getIdElement().getIdPart())).findFirst().orElseThrow();
		assertThat(renewal.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-02-10");
		assertThat(((Money) renewal.getExtensionByUrl(DETAILS).getExtensionByUrl("value").getValue()).getValue())
				.isEqualByComparingTo("4900.00");
	}

	private Coverage enrol(String enrolDate) {
		String head = unique("R");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Manga", "A", "male", "1980-01-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "1", "Manga", "B", "female", "2016-01-01", false, "4"));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType(enrolDate));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		return (Coverage) created.getEntry().get(3).getResource();
	}
}
