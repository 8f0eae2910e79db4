package org.imisfhir.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshSignInTest {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@Test
	void aSignInFourMinutesAgoIsFresh() {
		// 10:00:00 - 09:56:00 = 4 min <= 5 min
		assertThat(FreshSignIn.fresh(Optional.of(Instant.parse("2026-12-03T09:56:00Z")), NOW, FIVE_MINUTES)).isTrue();
	}

	@Test
	void exactlyFiveMinutesIsStillFreshOneSecondMoreIsNot() {
		// 10:00:00 - 09:55:00 = 300 s = the limit (inclusive); 09:54:59 is 301 s ago
		assertThat(FreshSignIn.fresh(Optional.of(Instant.parse("2026-12-03T09:55:00Z")), NOW, FIVE_MINUTES)).isTrue();
		assertThat(FreshSignIn.fresh(Optional.of(Instant.parse("2026-12-03T09:54:59Z")), NOW, FIVE_MINUTES)).isFalse();
	}

	@Test
	void aSignInAnHourAgoIsNotFresh() {
		// a token refreshed for an hour keeps its auth_time of 09:00: 60 min > 5 min
		assertThat(FreshSignIn.fresh(Optional.of(Instant.parse("2026-12-03T09:00:00Z")), NOW, FIVE_MINUTES)).isFalse();
	}

	@Test
	void aSignInTimeAheadOfTheServerClockCountsAsJustNow() {
		// the identity provider's clock 2 s ahead: age -2 s
		assertThat(FreshSignIn.fresh(Optional.of(Instant.parse("2026-12-03T10:00:02Z")), NOW, FIVE_MINUTES)).isTrue();
	}

	@Test
	void aTokenThatDoesNotTellWhenTheUserSignedInIsNeverFresh() {
		assertThat(FreshSignIn.fresh(Optional.empty(), NOW, FIVE_MINUTES)).isFalse();
	}
}
