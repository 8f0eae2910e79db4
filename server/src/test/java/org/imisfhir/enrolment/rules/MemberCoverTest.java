package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.imisfhir.enrolment.rules.MemberCover.Cover;
import org.imisfhir.enrolment.rules.MemberCover.Period;
import org.imisfhir.enrolment.rules.MemberCover.Row;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Per-member cover (openIMIS InsureePolicy, decision 0027). The policy of the examples is effective 2026-04-10 and
 * expires 2027-04-09.
 */
class MemberCoverTest {

	private static final LocalDate EFFECTIVE = LocalDate.of(2026, 4, 10);
	private static final LocalDate EXPIRY = LocalDate.of(2027, 4, 9);

	private static LocalDate day(String value) {
		return LocalDate.parse(value);
	}

	@Nested
	class JoiningAndStatus {

		@Test
		void aMemberFromTheStartIsCoveredLikeThePolicy() {
			Cover cover = MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "AC", null);

			assertThat(cover).isEqualTo(new Cover(EFFECTIVE, EXPIRY, List.of()));
			assertThat(cover.covers(day("2026-04-09"))).isFalse();
			assertThat(cover.covers(EFFECTIVE)).isTrue();
			assertThat(cover.covers(EXPIRY)).isTrue();
			assertThat(cover.covers(day("2027-04-10"))).isFalse();
		}

		@Test
		void aMemberAddedLaterIsCoveredFromTheirOwnEffectiveDate() {
			// added on 2026-09-15: covered 2026-09-15 .. 2027-04-09, not on 2026-09-14
			List<Row> rows = MemberCover.joinedOn(EFFECTIVE, EXPIRY, List.of(), day("2026-09-15"), "joined the family");
			assertThat(rows).containsExactly(new Row(day("2026-09-15"), null, "joined the family"));
			Cover cover = MemberCover.of(EFFECTIVE, EXPIRY, rows, null, null);

			assertThat(cover).isEqualTo(new Cover(day("2026-09-15"), EXPIRY, List.of()));
			assertThat(cover.covers(day("2026-09-14"))).isFalse();
			// added before the policy starts: covered from its start, nothing to record; after it ended: nothing either
			assertThat(MemberCover.joinedOn(EFFECTIVE, EXPIRY, List.of(), day("2026-03-30"), "joined")).isEmpty();
			assertThat(MemberCover.joinedOn(EFFECTIVE, EXPIRY, List.of(), day("2027-05-01"), "joined")).isEmpty();
		}

		@Test
		void deathOrInactivityEndsTheCoverAtTheStatusDate() {
			// died on 2026-11-20: the cover ends that day (still covered), 2026-11-21 is not covered
			List<Row> rows = MemberCover.endedOn(EXPIRY, List.of(), day("2026-11-20"), "status DE: décès");
			assertThat(rows).containsExactly(new Row(null, day("2026-11-20"), "status DE: décès"));
			Cover dead = MemberCover.of(EFFECTIVE, EXPIRY, rows, "DE", day("2026-11-20"));
			assertThat(dead).isEqualTo(new Cover(EFFECTIVE, day("2026-11-20"), List.of()));
			assertThat(dead.covers(day("2026-11-20"))).isTrue();
			assertThat(dead.covers(day("2026-11-21"))).isFalse();
			// a status set without recording rows ends the cover all the same
			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "IN", day("2026-11-20")).expiry()).isEqualTo(day("2026-11-20"));
			// an active status date changes nothing, nor a status date after the policy's expiry
			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "AC", day("2026-11-20")).expiry()).isEqualTo(EXPIRY);
			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "DE", day("2027-06-01")).expiry()).isEqualTo(EXPIRY);
		}

		@Test
		void anEndAfterTheRecordedOneChangesNothing() {
			// the cover already ended on 2026-10-01: a status dated 2026-11-20 records nothing; nor one after the expiry
			List<Row> ended = List.of(new Row(null, day("2026-10-01"), "status IN: parti"));
			assertThat(MemberCover.endedOn(EXPIRY, ended, day("2026-11-20"), "status DE: décès")).isSameAs(ended);
			assertThat(MemberCover.endedOn(EXPIRY, List.of(), day("2027-05-01"), "status DE: décès")).isEmpty();
			// a member who joined on 2026-09-15 and dies on 2026-11-20: covered 2026-09-15 .. 2026-11-20
			List<Row> joined = List.of(new Row(day("2026-09-15"), null, "joined the family"));
			List<Row> dead = MemberCover.endedOn(EXPIRY, joined, day("2026-11-20"), "status DE: décès");
			assertThat(dead).containsExactly(new Row(day("2026-09-15"), day("2026-11-20"), "status DE: décès"));
			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, dead, "DE", day("2026-11-20")))
					.isEqualTo(new Cover(day("2026-09-15"), day("2026-11-20"), List.of()));
		}
	}

	@Nested
	class Reactivation {

		private final List<Row> inactive = List.of(new Row(null, day("2026-08-05"), "status IN: émigré"));

		@Test
		void activeAgainLaterRestoresTheCoverAndLeavesTheInactiveDaysUncovered() {
			// IN on 2026-08-05 (still covered), AC on 2026-09-01: covered 2026-04-10 .. 2026-08-05 and
			// 2026-09-01 .. 2027-04-09; 2026-08-06 .. 2026-08-31 (26 days) stay uncovered
			List<Row> rows = MemberCover.reactivatedOn(EXPIRY, inactive, day("2026-09-01"), "status AC: revenu");
			assertThat(rows).containsExactly(
					new Row(null, day("2026-08-05"), "status IN: émigré"),
					new Row(day("2026-09-01"), null, "status AC: revenu"));
			Cover cover = MemberCover.of(EFFECTIVE, EXPIRY, rows, "AC", day("2026-09-01"));

			assertThat(cover).isEqualTo(new Cover(EFFECTIVE, EXPIRY, List.of(new Period(day("2026-08-06"), day("2026-08-31")))));
			assertThat(cover.covers(day("2026-08-05"))).isTrue();
			assertThat(cover.covers(day("2026-08-06"))).isFalse();
			assertThat(cover.covers(day("2026-08-31"))).isFalse();
			assertThat(cover.covers(day("2026-09-01"))).isTrue();
		}

		@Test
		void activeAgainTheNextDayOrEarlierUndoesTheCut() {
			// AC on 2026-08-06, the day after the IN date: no day uncovered, the cut is undone
			List<Row> nextDay = MemberCover.reactivatedOn(EXPIRY, inactive, day("2026-08-06"), "status AC: erreur");
			assertThat(nextDay).containsExactly(new Row(null, null, "status AC: erreur"));
			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, nextDay, "AC", day("2026-08-06"))).isEqualTo(new Cover(EFFECTIVE, EXPIRY, List.of()));
			// AC dated before the IN date (a correction): undone as well
			assertThat(MemberCover.reactivatedOn(EXPIRY, inactive, day("2026-07-01"), "status AC"))
					.containsExactly(new Row(null, null, "status AC"));
		}

		@Test
		void aSecondInactiveTimeMakesASecondGap() {
			// IN 2026-08-05, AC 2026-09-01, IN 2026-12-15, AC 2027-01-10:
			// gaps 2026-08-06 .. 2026-08-31 and 2026-12-16 .. 2027-01-09
			List<Row> rows = MemberCover.reactivatedOn(EXPIRY, inactive, day("2026-09-01"), "status AC");
			rows = MemberCover.endedOn(EXPIRY, rows, day("2026-12-15"), "status IN: parti");
			assertThat(rows).containsExactly(
					new Row(null, day("2026-08-05"), "status IN: émigré"),
					new Row(day("2026-09-01"), day("2026-12-15"), "status IN: parti"));
			rows = MemberCover.reactivatedOn(EXPIRY, rows, day("2027-01-10"), "status AC");

			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, rows, "AC", day("2027-01-10"))).isEqualTo(new Cover(EFFECTIVE, EXPIRY, List.of(
					new Period(day("2026-08-06"), day("2026-08-31")), new Period(day("2026-12-16"), day("2027-01-09")))));
		}

		@Test
		void whatActiveAgainLeavesAlone() {
			// the policy expired (2027-04-09) before the AC date 2027-05-01
			assertThat(MemberCover.reactivatedOn(EXPIRY, inactive, day("2027-05-01"), "status AC")).isSameAs(inactive);
			// a cover ended by moving to another family
			List<Row> moved = List.of(new Row(null, day("2026-10-31"), "moved to family 100000017"));
			assertThat(MemberCover.reactivatedOn(EXPIRY, moved, day("2026-11-15"), "status AC")).isSameAs(moved);
			// a cover never ended
			List<Row> joined = List.of(new Row(day("2026-09-15"), null, "joined the family"));
			assertThat(MemberCover.reactivatedOn(EXPIRY, joined, day("2026-11-15"), "status AC")).isSameAs(joined);
			assertThat(MemberCover.reactivatedOn(EXPIRY, List.of(), day("2026-11-15"), "status AC")).isEmpty();
		}
	}

	@Nested
	class LeavingTheFamily {

		@Test
		void leavingEndsTheCoverAtTheDateUnlessItIsKept() {
			// moved on 2026-10-31: the old family's policy covers them to 2026-10-31
			List<Row> ended = MemberCover.leftOn(EXPIRY, List.of(), day("2026-10-31"), true, "moved to family 100000017");
			assertThat(ended).containsExactly(new Row(null, day("2026-10-31"), "moved to family 100000017"));
			Cover cover = MemberCover.ofFormerMember(EFFECTIVE, EXPIRY, ended, "AC", null);
			assertThat(cover).isEqualTo(new Cover(EFFECTIVE, day("2026-10-31"), List.of()));
			assertThat(cover.covers(day("2026-11-01"))).isFalse();
			// kept: a row as the policy, so the former member stays covered to 2027-04-09
			List<Row> kept = MemberCover.leftOn(EXPIRY, List.of(), day("2026-10-31"), false, "moved to family 100000017, cover kept");
			assertThat(kept).containsExactly(new Row(null, null, "moved to family 100000017, cover kept"));
			assertThat(MemberCover.ofFormerMember(EFFECTIVE, EXPIRY, kept, "AC", null).expiry()).isEqualTo(EXPIRY);
		}

		@Test
		void aFormerMemberWithoutRowsIsNotCovered() {
			Cover none = MemberCover.ofFormerMember(EFFECTIVE, EXPIRY, List.of(), "AC", null);

			assertThat(none.covers(EFFECTIVE)).isFalse();
			assertThat(none.covers(EXPIRY)).isFalse();
		}

		@Test
		void aPolicyThatEndedBeforeTheMoveKeepsARowAsThePolicy() {
			// last year's policy (2025-04-10 .. 2026-04-09) ended before the move on 2026-10-31: nothing to cut, and
			// the row keeps the member covered by it for late claims of that year
			List<Row> rows = MemberCover.leftOn(day("2026-04-09"), List.of(), day("2026-10-31"), true, "moved to family 100000017");

			assertThat(rows).containsExactly(new Row(null, null, "moved to family 100000017"));
			assertThat(MemberCover.ofFormerMember(day("2025-04-10"), day("2026-04-09"), rows, "AC", null))
					.isEqualTo(new Cover(day("2025-04-10"), day("2026-04-09"), List.of()));
		}

		@Test
		void movingBackCoversAgainFromTheReturn() {
			// moved out on 2026-10-31, back on 2027-01-15: covered to 2026-10-31 and from 2027-01-15
			List<Row> out = MemberCover.leftOn(EXPIRY, List.of(), day("2026-10-31"), true, "moved to family 100000017");
			List<Row> back = MemberCover.joinedOn(EFFECTIVE, EXPIRY, out, day("2027-01-15"), "joined the family");

			assertThat(MemberCover.of(EFFECTIVE, EXPIRY, back, "AC", null))
					.isEqualTo(new Cover(EFFECTIVE, EXPIRY, List.of(new Period(day("2026-11-01"), day("2027-01-14")))));
		}
	}

	@Test
	void theMembersCountedAreThoseCoveredOnTheDate() {
		// head and spouse from the start; a child moved out on 2026-10-31; the grandmother died on 2026-12-15; a
		// newborn added on 2026-11-05.
		Cover head = MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "AC", null);
		Cover spouse = MemberCover.of(EFFECTIVE, EXPIRY, List.of(), null, null);
		Cover child = MemberCover.ofFormerMember(EFFECTIVE, EXPIRY,
				List.of(new Row(null, day("2026-10-31"), "moved to family 100000017")), "AC", null);
		Cover grandmother = MemberCover.of(EFFECTIVE, EXPIRY, List.of(), "DE", day("2026-12-15"));
		Cover newborn = MemberCover.of(EFFECTIVE, EXPIRY, List.of(new Row(day("2026-11-05"), null, "joined the family")), "AC", null);
		List<Cover> family = List.of(head, spouse, child, grandmother, newborn);

		// 2026-10-31: head, spouse, child, grandmother = 4
		assertThat(MemberCover.coveredOn(family, day("2026-10-31"))).isEqualTo(4);
		// 2026-11-01: the child is gone, the newborn not yet there: 3
		assertThat(MemberCover.coveredOn(family, day("2026-11-01"))).isEqualTo(3);
		// 2026-11-05: head, spouse, grandmother, newborn = 4
		assertThat(MemberCover.coveredOn(family, day("2026-11-05"))).isEqualTo(4);
		// 2026-12-16: head, spouse, newborn = 3
		assertThat(MemberCover.coveredOn(family, day("2026-12-16"))).isEqualTo(3);
		// before the policy's effective date nobody is covered
		assertThat(MemberCover.coveredOn(family, day("2026-04-09"))).isZero();
	}
}
