package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;

/** An MPI or EMR is told when an insuree is created or changed: the whole Patient, or a bare notification. */
class InsureeSubscriptionHttpTest extends SubscriptionHttpTestBase {

	private Patient enrolHead(String village, String number) {
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family(village, false));
		request.addParameter().setName("member").setResource(
				Fixtures.insuree(number, "Abena", "Rose", "female", "1992-07-01", true, null));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		return created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
	}

	@Test
	void anInsureeIsDeliveredWholeWhenCreatedAndWhenChanged() throws Exception {
		String number = unique("IN");
		TestSubscriber.Hook mpi = subscriber.hook();
		subscribe(restHook("Patient?identifier=" + Fixtures.INSURANCE_NUMBER + "|" + number, mpi.url(),
				"application/fhir+json", "Authorization: Basic bXBpOnNlY3JldA=="));

		Patient head = enrolHead("Location/loc-r1d1m1v1", number);
		String path = "/Patient/" + head.getIdElement().getIdPart();
		TestSubscriber.Delivery created = mpi.await(d -> d.path().endsWith(path), TestSubscriber.patience());
		assertThat(created.method()).isEqualTo("PUT");
		assertThat(created.header("Authorization")).isEqualTo("Basic bXBpOnNlY3JldA==");
		Patient delivered = fhirContext.newJsonParser().parseResource(Patient.class, created.body());
		assertThat(delivered.getIdentifierFirstRep().getValue()).isEqualTo(number);

		Patient change = client.read().resource(Patient.class).withId(head.getIdElement().getIdPart()).execute();
		change.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+237 699 000 111");
		client.update().resource(change).execute();
		TestSubscriber.Delivery changed = mpi.await(d -> d.path().endsWith(path) && d.body().contains("+237 699 000 111"),
				TestSubscriber.patience());
		assertThat(fhirContext.newJsonParser().parseResource(Patient.class, changed.body()).getTelecomFirstRep().getValue())
				.isEqualTo("+237 699 000 111");
	}

	@Test
	void aSubscriptionWithoutPayloadGetsABareNotificationAndChainedCriteriaAreMatchedInTheDatabase() throws Exception {
		// a new village of Rapta: the insurees of its families (chained search, not matchable in memory)
		String village = client.create().resource(Fixtures.location(unique("V"), "Subscription village", "V", "Location/loc-r1d1m1"))
				.execute().getId().toUnqualifiedVersionless().getValue();
		TestSubscriber.Hook hmis = subscriber.hook();
		String id = subscribe(restHook("Patient?family-group.village=" + village, hmis.url(), null, "X-Api-Key: hmis-key"));
		org.hl7.fhir.r4.model.Subscription stored =
				client.read().resource(org.hl7.fhir.r4.model.Subscription.class).withId(id).execute();
		assertThat(stored.getMeta().getTag()).anyMatch(tag -> "DATABASE".equals(tag.getCode()));

		enrolHead("Location/loc-r1d1m1v1", unique("IN"));   // another village: not notified
		enrolHead(village, unique("IN"));

		TestSubscriber.Delivery notified = hmis.await(d -> true, TestSubscriber.patience());
		assertThat(notified.method()).isEqualTo("POST");
		assertThat(notified.body()).isEmpty();
		assertThat(notified.header("X-Api-Key")).isEqualTo("hmis-key");
		Thread.sleep(1000);
		assertThat(hmis.attempts()).hasSize(1);
	}
}
