package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.Judgement;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.Member;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.Reason;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.StoredFamily;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.StoredInsuree;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.StoredMember;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.Verdict;
import org.junit.jupiter.api.Test;

/** What becomes of a family sent by an offline client (decision 0027): never a silent overwrite. */
class OfflineEnrolmentJudgeTest {

	private static Member fresh(String temporary, String permanent) {
		return fresh(temporary, permanent, "person of " + temporary + permanent);
	}

	private static Member fresh(String temporary, String permanent, String person) {
		return new Member(temporary, permanent, person, Optional.empty(), null, null, List.of());
	}

	private static StoredMember stored(String temporary, String permanent) {
		return new StoredMember(temporary, permanent, "person of " + temporary + "null");
	}

	private static Judgement judge(Optional<StoredFamily> received, Member... members) {
		return OfflineEnrolmentJudge.judge(received, List.of(members), Set.of());
	}

	@Test
	void aNewFamilyWithUnusedNumbersIsCreated() {
		assertThat(judge(Optional.empty(), fresh("TMP00000001", null), fresh("TMP00000002", null)).verdict()).isEqualTo(Verdict.CREATE);
		assertThat(judge(Optional.empty(), fresh(null, "100000017")).verdict()).isEqualTo(Verdict.CREATE);
	}

	@Test
	void aFamilyAlreadyReceivedWithTheSameMembersIsUnchanged() {
		StoredFamily stored = new StoredFamily("g1", List.of(stored("TMP00000001", "483920175"), stored("TMP00000002", "583920174")));

		Judgement judgement = judge(Optional.of(stored), fresh("TMP00000001", null), fresh("TMP00000002", null));

		assertThat(judgement.verdict()).isEqualTo(Verdict.UNCHANGED);
		assertThat(judgement.storedId()).isEqualTo("g1");
	}

	@Test
	void anotherPersonUnderAReceivedNumberIsAConflict() {
		StoredFamily stored = new StoredFamily("g1", List.of(stored("TMP00000001", "483920175")));

		Judgement judgement = judge(Optional.of(stored), fresh("TMP00000001", null, "someone else"));

		assertThat(judgement).isEqualTo(new Judgement(Verdict.CONFLICT, Reason.FAMILY_RECEIVED_DIFFERENTLY, "TMP00000001", "g1"));
	}

	@Test
	void aFamilyAlreadyReceivedWithAnotherMemberIsAConflictNotAnUpdate() {
		StoredFamily stored = new StoredFamily("g1", List.of(stored("TMP00000001", "483920175")));

		Judgement judgement = judge(Optional.of(stored), fresh("TMP00000001", null), fresh("TMP00000003", null));

		assertThat(judgement).isEqualTo(new Judgement(Verdict.CONFLICT, Reason.FAMILY_RECEIVED_DIFFERENTLY, "TMP00000003", "g1"));
	}

	@Test
	void aTemporaryNumberAlreadyCarriedIsTheSamePersonEnrolledTwice() {
		Member used = new Member("TMP00000004", null, "p", Optional.empty(), new StoredInsuree("p9", "g9"), null, List.of());

		assertThat(judge(Optional.empty(), fresh("TMP00000005", null), used))
				.isEqualTo(new Judgement(Verdict.CONFLICT, Reason.TEMPORARY_NUMBER_USED, "TMP00000004", "p9"));
	}

	@Test
	void aTemporaryNumberTwiceInOneSyncIsAConflict() {
		assertThat(OfflineEnrolmentJudge.judge(Optional.empty(), List.of(fresh("TMP00000006", null)), Set.of("TMP00000006")).reason())
				.isEqualTo(Reason.TEMPORARY_NUMBER_USED);
		assertThat(judge(Optional.empty(), fresh("TMP00000007", null), fresh("TMP00000007", null)).reason())
				.isEqualTo(Reason.TEMPORARY_NUMBER_USED);
	}

	@Test
	void aProposedPermanentNumberAlreadyUsedIsAConflict() {
		Member member = new Member("TMP00000008", "100000017", "p", Optional.empty(), null, new StoredInsuree("p3", "g3"), List.of());

		assertThat(judge(Optional.empty(), member))
				.isEqualTo(new Judgement(Verdict.CONFLICT, Reason.INSURANCE_NUMBER_USED, "100000017", "p3"));
	}

	@Test
	void theSamePersonAlreadyInsuredIsAConflict() {
		Member member = new Member("TMP00000009", null, "p", Optional.empty(), null, null, List.of(new StoredInsuree("p4", "g4")));

		assertThat(judge(Optional.empty(), member))
				.isEqualTo(new Judgement(Verdict.CONFLICT, Reason.INSUREE_ALREADY_ENROLLED, "TMP00000009", "p4"));
	}

	@Test
	void aTemporaryNumberOfAnotherOfficerIsRefusedBeforeAnythingElse() {
		Member member = new Member("TMP00000010", null, "p", Optional.of(TemporaryNumberCheck.Refusal.NOT_ALLOCATED),
				new StoredInsuree("p5", "g5"), null, List.of());
		StoredFamily stored = new StoredFamily("g5", List.of(stored("TMP00000010", null)));

		assertThat(judge(Optional.of(stored), member))
				.isEqualTo(new Judgement(Verdict.REFUSED, Reason.TEMPORARY_NUMBER_NOT_ALLOCATED, "TMP00000010", null));
		assertThat(judge(Optional.empty(), new Member("TMP1", null, "p", Optional.of(TemporaryNumberCheck.Refusal.MALFORMED), null, null, List.of())).reason())
				.isEqualTo(Reason.TEMPORARY_NUMBER_MALFORMED);
		assertThat(judge(Optional.empty(), new Member("TMP00000011", null, "p", Optional.of(TemporaryNumberCheck.Refusal.OTHER_DEVICE), null, null, List.of())).reason())
				.isEqualTo(Reason.TEMPORARY_NUMBER_OTHER_DEVICE);
	}
}
