package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Per-member cover (openIMIS InsureePolicy, decision 0027). The policy of the examples is effective 2026-04-10 and
 * expires 2027-04-09.
 */
class MemberCoverTest {

	private static final LocalDate EFFECTIVE = LocalDate.of(2026, 4, 10);
	private static final LocalDate EXPIRY = LocalDate.of(2027, 4, 9);

	@Test
	void aMemberFromTheStartIsCoveredLikeThePolicy() {
		MemberCover.Period period = MemberCover.of(EFFECTIVE, EXPIRY, null, null, "AC", null);

		assertThat(period).isEqualTo(new MemberCover.Period(EFFECTIVE, EXPIRY));
		assertThat(period.covers(LocalDate.of(2026, 4, 9))).isFalse();
		assertThat(period.covers(EFFECTIVE)).isTrue();
		assertThat(period.covers(EXPIRY)).isTrue();
		assertThat(period.covers(LocalDate.of(2027, 4, 10))).isFalse();
	}

	@Test
	void aMemberAddedLaterIsCoveredFromTheirOwnEffectiveDate() {
		// added on 2026-09-15: covered 2026-09-15 .. 2027-04-09, not on 2026-09-14
		LocalDate joined = LocalDate.of(2026, 9, 15);
		assertThat(MemberCover.joiningEffective(EFFECTIVE, joined)).isEqualTo(joined);
		MemberCover.Period period = MemberCover.of(EFFECTIVE, EXPIRY, joined, null, null, null);

		assertThat(period).isEqualTo(new MemberCover.Period(joined, EXPIRY));
		assertThat(period.covers(LocalDate.of(2026, 9, 14))).isFalse();
		// added before the policy starts: covered from its start, nothing to record
		assertThat(MemberCover.joiningEffective(EFFECTIVE, LocalDate.of(2026, 3, 30))).isNull();
		assertThat(MemberCover.of(EFFECTIVE, EXPIRY, LocalDate.of(2026, 3, 30), null, null, null).effective()).isEqualTo(EFFECTIVE);
	}

	@Test
	void deathOrInactivityEndsTheCoverAtTheStatusDate() {
		// died on 2026-11-20: the cover ends that day (still covered), 2026-11-21 is not covered
		LocalDate died = LocalDate.of(2026, 11, 20);
		MemberCover.Period dead = MemberCover.of(EFFECTIVE, EXPIRY, null, null, "DE", died);
		assertThat(dead).isEqualTo(new MemberCover.Period(EFFECTIVE, died));
		assertThat(dead.covers(died)).isTrue();
		assertThat(dead.covers(LocalDate.of(2026, 11, 21))).isFalse();
		assertThat(MemberCover.of(EFFECTIVE, EXPIRY, null, null, "IN", died).expiry()).isEqualTo(died);
		// an active status date changes nothing
		assertThat(MemberCover.of(EFFECTIVE, EXPIRY, null, null, "AC", died).expiry()).isEqualTo(EXPIRY);
		// a status date after the policy's expiry changes nothing either
		assertThat(MemberCover.of(EFFECTIVE, EXPIRY, null, null, "DE", LocalDate.of(2027, 6, 1)).expiry()).isEqualTo(EXPIRY);
	}

	@Test
	void aStatusChangeRecordsTheEarlierEnd() {
		assertThat(MemberCover.truncatedExpiry(EXPIRY, null, LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 20));
		// the member's cover already ended on 2026-10-01: a later status date records nothing
		assertThat(MemberCover.truncatedExpiry(EXPIRY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 20))).isNull();
		assertThat(MemberCover.truncatedExpiry(EXPIRY, null, LocalDate.of(2027, 5, 1))).isNull();
		// a member's own expiry earlier than the policy's is kept
		assertThat(MemberCover.of(EFFECTIVE, EXPIRY, null, LocalDate.of(2026, 10, 1), "AC", null).expiry()).isEqualTo(LocalDate.of(2026, 10, 1));
	}
}
