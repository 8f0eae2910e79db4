package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.support.Fixtures.contribution;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.PolicyExpiry;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A policy activated (paid in full) or expired is notified: by FHIR status ({@code Coverage?status=active}) or by
 * the exact openIMIS status ({@code Coverage?policy-status=<system>|2}, 8 for expired). Product PMTA0001 of the
 * demo scheme: a family of one adult pays 3000 + assembly 200 = 3200; the 12-month policy starts a month
 * after enrolment.
 */
class PolicySubscriptionHttpTest extends SubscriptionHttpTestBase {

	static final String STATUS = PolicyBuilder.POLICY_STATUS_SYSTEM;

	@Autowired
	PolicyExpiry policyExpiry;

	record Enrolled(String family, String policy) {}

	private Enrolled enrol(String enrolDate) {
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(
				Fixtures.insuree(unique("P"), "Ngono", "Alice", "female", "1985-05-05", true, null));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType(enrolDate));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		String family = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Group.class::isInstance).findFirst().orElseThrow().getIdElement().getIdPart();
		String policy = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Coverage.class::isInstance).findFirst().orElseThrow().getIdElement().getIdPart();
		return new Enrolled("Group/" + family, "Coverage/" + policy);
	}

	@Test
	void aPolicyPaidInFullIsNotifiedAsActiveByFhirAndByOpenImisStatus() throws Exception {
		Enrolled enrolled = enrol("2026-03-10");
		TestSubscriber.Hook byFhirStatus = subscriber.hook();
		TestSubscriber.Hook byOpenImisStatus = subscriber.hook();
		subscribe(restHook("Coverage?status=active&family=" + enrolled.family(), byFhirStatus.url(), "application/fhir+json"));
		subscribe(restHook("Coverage?policy-status=" + STATUS + "|2&family=" + enrolled.family(), byOpenImisStatus.url(),
				"application/fhir+json"));

		client.create().resource(contribution(enrolled.policy(), unique("RC"), "3200", "2026-03-20")).execute();

		for (TestSubscriber.Hook hook : new TestSubscriber.Hook[] {byFhirStatus, byOpenImisStatus}) {
			TestSubscriber.Delivery delivery = hook.await(d -> d.path().endsWith("/" + enrolled.policy()), TestSubscriber.patience());
			Coverage active = fhirContext.newJsonParser().parseResource(Coverage.class, delivery.body());
			assertThat(active.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
			assertThat(openImisStatus(active)).isEqualTo("2");
		}
		// the enrolment itself (an idle, draft policy) matched neither: every notification is of the active policy
		for (TestSubscriber.Delivery delivery : byFhirStatus.attempts()) {
			assertThat(fhirContext.newJsonParser().parseResource(Coverage.class, delivery.body()).getStatus())
					.isEqualTo(Coverage.CoverageStatus.ACTIVE);
		}
	}

	@Test
	void aPolicyPastItsExpiryDateIsNotifiedWhenTheDailyExpirySetsItExpired() throws Exception {
		// enrolled 2019-03-10, paid 2019-03-20: active 2019-04-10 to 2020-04-09 (no test's policy ends earlier)
		Enrolled enrolled = enrol("2019-03-10");
		client.create().resource(contribution(enrolled.policy(), unique("RC"), "3200", "2019-03-20")).execute();
		TestSubscriber.Hook expiries = subscriber.hook();
		subscribe(restHook("Coverage?policy-status=" + STATUS + "|8&family=" + enrolled.family(), expiries.url(),
				"application/fhir+json"));

		policyExpiry.expireBefore(LocalDate.parse("2020-04-10"));

		TestSubscriber.Delivery delivery = expiries.await(d -> d.path().endsWith("/" + enrolled.policy()), TestSubscriber.patience());
		Coverage expired = fhirContext.newJsonParser().parseResource(Coverage.class, delivery.body());
		assertThat(openImisStatus(expired)).isEqualTo("8");
		assertThat(expired.getPeriod().getEndElement().getValueAsString()).isEqualTo("2020-04-09");
	}

	private static String openImisStatus(Coverage policy) {
		return ((CodeableConcept) policy.getExtensionByUrl(PolicyBuilder.POLICY_STATUS).getValue()).getCodingFirstRep().getCode();
	}
}
