package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.retry.support.RetryTemplate;

class DeliveryRetryPolicyTest {

	private static RetryTemplate template(int retryCount) {
		SubscriptionProperties properties = new SubscriptionProperties();
		properties.setRetryCount(retryCount);
		properties.setRetryDelayMs(1);
		properties.setRetryMaxDelayMs(4);
		return new DeliveryRetryPolicy(properties).getRetryTemplate();
	}

	@Test
	void aDeliveryFailingTwiceSucceedsOnTheThirdAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		String result = template(5).execute(context -> {
			if (attempts.incrementAndGet() <= 2) {
				throw new IllegalStateException("HTTP 500");
			}
			return "delivered";
		});
		assertThat(result).isEqualTo("delivered");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void afterTheRetriesTheLastFailureIsThrown() {
		// retry count 2: the first attempt and 2 further ones, 3 in all
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> template(2).execute(context -> {
			throw new IllegalStateException("HTTP 503 #" + attempts.incrementAndGet());
		})).hasMessage("HTTP 503 #3");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void noRetryMeansOneAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> template(0).execute(context -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("unreachable");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(attempts).hasValue(1);
	}
}
