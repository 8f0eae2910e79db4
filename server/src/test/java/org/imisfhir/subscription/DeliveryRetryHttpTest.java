package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A subscriber that is down is tried again: the endpoint answers the first two notifications with 500 and
 * the third with 200. With imis.subscriptions.retry-delay-ms = d (2000 by default) the attempts come after
 * d and then 2d, so the notification arrives about 3d after the write.
 */
class DeliveryRetryHttpTest extends SubscriptionHttpTestBase {

	@Autowired
	SubscriptionProperties properties;

	@Test
	void aFailedDeliveryIsRetriedUntilTheSubscriberAnswers() throws Exception {
		String number = unique("RT");
		TestSubscriber.Hook flaky = subscriber.hook(2);
		subscribe(restHook("Patient?identifier=" + Fixtures.INSURANCE_NUMBER + "|" + number, flaky.url(), "application/fhir+json"));

		Patient insuree = Fixtures.insuree(number, "Retry", "Jean", "male", "1980-01-01", false, null);
		insuree.getMeta().addProfile(Fixtures.PROFILES + "imis-insuree");
		String id = client.create().resource(insuree).execute().getId().getIdPart();

		long delay = properties.getRetryDelayMs();
		TestSubscriber.Delivery delivered = flaky.await(d -> d.path().endsWith("/Patient/" + id),
				TestSubscriber.patience().plus(Duration.ofMillis(3 * delay)));
		assertThat(flaky.attempts()).extracting(TestSubscriber.Delivery::answered).containsExactly(500, 500, 200);
		assertThat(flaky.attempts()).allMatch(d -> d.path().endsWith("/Patient/" + id));
		long first = flaky.attempts().get(0).receivedNanos();
		long second = flaky.attempts().get(1).receivedNanos();
		// the waits follow the retry policy: at least d, then at least 2d
		assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(delay));
		assertThat(Duration.ofNanos(delivered.receivedNanos() - second)).isGreaterThanOrEqualTo(Duration.ofMillis(2 * delay));
	}
}
