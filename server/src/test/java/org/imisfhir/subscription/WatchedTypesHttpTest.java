package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Writes of a type no Subscription watches skip HAPI's matching; a new Subscription on the type is served at once. */
class WatchedTypesHttpTest extends SubscriptionHttpTestBase {

	@Autowired
	WatchedTypes watchedTypes;

	@Autowired
	IInterceptorService interceptors;

	/** Sees the messages that go on to the matching (called after {@link WatchedTypes}). */
	@Interceptor(order = 100)
	public static class MatchingProbe {
		final List<String> types = new CopyOnWriteArrayList<>();

		@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
		public boolean modified(ResourceModifiedMessage message) {
			types.add(message.getPayloadId());
			return true;
		}
	}

	@Test
	void aLocationGoesToTheMatchingOnlyOnceASubscriptionWatchesLocations() throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		while (!watchedTypes.isLoaded() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(watchedTypes.isLoaded()).isTrue();
		assertThat(watchedTypes.watched()).doesNotContain("Location");
		MatchingProbe probe = new MatchingProbe();
		interceptors.registerInterceptor(probe);
		try {
			String name = unique("Watched village ");
			String before = client.create().resource(Fixtures.location(unique("V"), name, "V", "Location/loc-r1d1m1"))
					.execute().getId().getIdPart();
			assertThat(probe.types).noneMatch(id -> id.contains("Location/" + before));

			TestSubscriber.Hook atlas = subscriber.hook();
			subscribe(restHook("Location?name=" + name.replace(' ', '+'), atlas.url(), "application/fhir+json"));
			assertThat(watchedTypes.watched()).contains("Location");
			String after = client.create().resource(Fixtures.location(unique("V"), name, "V", "Location/loc-r1d1m1"))
					.execute().getId().getIdPart();

			assertThat(probe.types).anyMatch(id -> id.contains("Location/" + after));
			TestSubscriber.Delivery delivery = atlas.await(d -> d.path().endsWith("/Location/" + after), TestSubscriber.patience());
			assertThat(delivery.body()).contains(name);
		} finally {
			interceptors.unregisterInterceptor(probe);
		}
	}
}
