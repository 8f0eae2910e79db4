package org.imisfhir.programme.rules;

import org.imisfhir.programme.rules.VoucherImportPlanner.Decision;
import org.imisfhir.programme.rules.VoucherImportPlanner.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VoucherRulesTest {

	private final VoucherImportPlanner planner = new VoucherImportPlanner("[A-Za-z0-9]{6,20}");

	@Test
	void eachRowOfAFileWithDuplicatesGetsItsDecision() {
		// stored: CS0001 new, CS0002 used. File: CS0001 New (same status: unchanged), CS0002 new (stored as used:
		// a duplicate, never overwritten), CS0003 NEW (created, status case-insensitive), CS0003 new again
		// (duplicate inside the file), CS04 (5 characters, below 6: refused), CS0005 "utilisé" (unknown status)
		List<VoucherImportPlanner.Plan> plans = planner.plan(List.of(
						new Row(2, "CS0001", "New"), new Row(3, "CS0002", "new"), new Row(4, "CS0003", "NEW"),
						new Row(5, "CS0003", "new"), new Row(6, "CS04", "new"), new Row(7, "CS0005", "utilisé")),
				Map.of("CS0001", VoucherStatus.NEW, "CS0002", VoucherStatus.USED));

		assertThat(plans).extracting(VoucherImportPlanner.Plan::decision).containsExactly(
				Decision.UNCHANGED, Decision.DUPLICATE_IN_STORE, Decision.CREATE, Decision.DUPLICATE_IN_FILE,
				Decision.REFUSED_NUMBER, Decision.REFUSED_STATUS);
		assertThat(plans.get(2).status()).isEqualTo(VoucherStatus.NEW);
	}

	@Test
	void theCsuWordCancelReadsAsCancelled() {
		// the Cameroon SOP files write "Cancel" (the CSU's status word), in any case
		assertThat(VoucherStatus.parse("Cancel")).contains(VoucherStatus.CANCELLED);
		assertThat(VoucherStatus.parse(" CANCEL ")).contains(VoucherStatus.CANCELLED);
		assertThat(VoucherStatus.parse("cancelled")).contains(VoucherStatus.CANCELLED);
		assertThat(VoucherStatus.parse("annulé")).isEmpty();
	}

	@Test
	void numbersCompareExactlyAndLongerNumbersFitTheConfiguredPattern() {
		// the SOP's longer numbers with an embedded code are distinct vouchers: cs0001 is not CS0001
		List<VoucherImportPlanner.Plan> plans = planner.plan(List.of(new Row(2, "cs0001", "new"), new Row(3, "CS0001A7", "new")),
				Map.of("CS0001", VoucherStatus.NEW));
		assertThat(plans).extracting(VoucherImportPlanner.Plan::decision).containsExactly(Decision.CREATE, Decision.CREATE);
		assertThat(new VoucherImportPlanner("[0-9]{6}").wellFormed("1234567")).isFalse();
	}

	@Test
	void aStatusChangeNeedsAReasonAndNeverMarksAVoucherUsed() {
		assertThat(VoucherStatusChange.check(VoucherStatus.USED, VoucherStatus.CANCELLED, " ")).contains(VoucherStatusChange.Refusal.REASON_REQUIRED);
		assertThat(VoucherStatusChange.check(VoucherStatus.NEW, VoucherStatus.NEW, "again")).contains(VoucherStatusChange.Refusal.SAME_STATUS);
		assertThat(VoucherStatusChange.check(VoucherStatus.NEW, VoucherStatus.USED, "hand")).contains(VoucherStatusChange.Refusal.USE_BY_ENROLMENT_ONLY);
		assertThat(VoucherStatusChange.check(VoucherStatus.USED, VoucherStatus.CANCELLED, "doublon constaté")).isEmpty();
		assertThat(VoucherStatusChange.consumable(VoucherStatus.NEW)).isTrue();
		assertThat(VoucherStatusChange.consumable(VoucherStatus.CANCELLED)).isFalse();
	}

	@Test
	void aUsedVoucherCanBeCancelledButNotSetBackToNew() {
		// SOP: a used voucher found to be a duplicate is cancelled, with a reason
		assertThat(VoucherStatusChange.check(VoucherStatus.USED, VoucherStatus.CANCELLED, "doublon")).isEmpty();
		// set back to new, the enrolment would keep it and a second enrolment could use it again
		assertThat(VoucherStatusChange.check(VoucherStatus.USED, VoucherStatus.NEW, "erreur"))
				.contains(VoucherStatusChange.Refusal.USED_NOT_NEW_AGAIN);
		// a cancelled voucher that was never used can come back
		assertThat(VoucherStatusChange.check(VoucherStatus.CANCELLED, VoucherStatus.NEW, "annulé par erreur", false)).isEmpty();
		// used, then cancelled: back to new would let a second enrolment use it (the double use in two steps)
		assertThat(VoucherStatusChange.check(VoucherStatus.CANCELLED, VoucherStatus.NEW, "annulé par erreur", true))
				.contains(VoucherStatusChange.Refusal.USED_NOT_NEW_AGAIN);
	}
}
