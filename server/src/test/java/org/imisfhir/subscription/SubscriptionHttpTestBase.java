package org.imisfhir.subscription;

import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Subscription;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Subscriptions created over HTTP, waited for until HAPI has registered them, and deleted after each test. */
abstract class SubscriptionHttpTestBase extends HttpTestBase {

	protected static final TestSubscriber subscriber = TestSubscriber.shared();

	@Autowired
	private SubscriptionRegistry registry;

	private final List<String> created = new ArrayList<>();

	/** A rest-hook Subscription; {@code payload} null: notification only, else the resource in that format. */
	static Subscription restHook(String criteria, String endpoint, String payload, String... headers) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
		subscription.setReason("test");
		subscription.setCriteria(criteria);
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint).setPayload(payload);
		for (String header : headers) {
			subscription.getChannel().addHeader(header);
		}
		return subscription;
	}

	/** Creates the Subscription and waits until HAPI has activated and registered it; returns its id. */
	protected String subscribe(Subscription subscription) throws InterruptedException {
		String id = client.create().resource(subscription).execute().getId().getIdPart();
		created.add(id);
		awaitRegistered(id);
		return id;
	}

	protected void awaitRegistered(String id) throws InterruptedException {
		long deadline = System.nanoTime() + TestSubscriber.patience().toNanos();
		while (registry.get(id) == null) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Subscription/" + id + " was not registered within " + TestSubscriber.patience());
			}
			Thread.sleep(50);
		}
	}

	@AfterEach
	void unsubscribe() {
		for (String id : created) {
			try {
				client.delete().resourceById("Subscription", id).execute();
			} catch (RuntimeException alreadyGone) {
				// deleted by the test itself
			}
		}
		created.clear();
	}
}
