package org.imisfhir.subscription;

import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;

/**
 * How HAPI's in-memory subscription channels retry a message whose handling failed (for a rest-hook: the
 * subscriber could not be reached or answered with an error): {@code retryCount} further attempts, the waits
 * doubling from {@code retryDelayMs} up to {@code retryMaxDelayMs}. HAPI's own default retries for one minute.
 */
public class DeliveryRetryPolicy extends RetryPolicyProvider {

	private final SubscriptionProperties properties;

	public DeliveryRetryPolicy(SubscriptionProperties properties) {
		this.properties = properties;
	}

	@Override
	protected RetryPolicy retryPolicy() {
		return new SimpleRetryPolicy(properties.getRetryCount() + 1);
	}

	@Override
	protected BackOffPolicy backOffPolicy() {
		ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
		backOff.setInitialInterval(properties.getRetryDelayMs());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(Math.max(properties.getRetryDelayMs(), properties.getRetryMaxDelayMs()));
		return backOff;
	}
}
