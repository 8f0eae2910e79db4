package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imisfhir.programme.rules.VoucherReview.ClaimFact;
import org.imisfhir.programme.rules.VoucherReview.Duplicate;
import org.imisfhir.programme.rules.VoucherReview.Finding;
import org.imisfhir.programme.rules.VoucherReview.ImportRow;
import org.imisfhir.programme.rules.VoucherReview.Result;
import org.imisfhir.programme.rules.VoucherReview.Selection;
import org.imisfhir.programme.rules.VoucherReview.StatusChange;
import org.imisfhir.programme.rules.VoucherReview.Suspect;
import org.imisfhir.programme.rules.VoucherReview.Voucher;
import org.junit.jupiter.api.Test;

class VoucherReviewTest {

	private static final VoucherStatus NEW = VoucherStatus.NEW;
	private static final VoucherStatus USED = VoucherStatus.USED;
	private static final VoucherStatus CANCELLED = VoucherStatus.CANCELLED;

	/*
	 * Two CCS imports and one PAL import.
	 * I1 (record r1, 2026-03-02): line 2 A1 New created, 3 A2 New created, 4 A1 new duplicate (same file),
	 *   5 A3 Used created, 6 A4 New created, 7 a4 New created (another number: case differs), 8 A5 New created.
	 * I2 (record r2, 2026-03-20): line 2 A2 New duplicate (found used: set back to new), 3 A5 Cancel duplicate
	 *   (found new), 4 A6 New created.
	 * P1 (record r3, 2026-04-01, programme PAL): line 2 A6 New unchanged (found new), 3 B1 New created.
	 *
	 * Duplicates (numbers with 2 rows or more): A1 {in file: r1 twice}, A2 {across: r1, r2}, A5 {across: r1, r2},
	 * A6 {across: r2, r3}. Not A3, A4, a4, B1 (one row each).
	 */
	private static List<ImportRow> rows() {
		return List.of(
				row("r1", "I1", "CCS", 3, 2, 2, "A1", "New", "created", null),
				row("r1", "I1", "CCS", 3, 2, 3, "A2", "New", "created", null),
				row("r1", "I1", "CCS", 3, 2, 4, "A1", "new", "duplicate", null),
				row("r1", "I1", "CCS", 3, 2, 5, "A3", "Used", "created", null),
				row("r1", "I1", "CCS", 3, 2, 6, "A4", "New", "created", null),
				row("r1", "I1", "CCS", 3, 2, 7, "a4", "New", "created", null),
				row("r1", "I1", "CCS", 3, 2, 8, "A5", "New", "created", null),
				row("r2", "I2", "CCS", 3, 20, 2, "A2", "New", "duplicate", USED),
				row("r2", "I2", "CCS", 3, 20, 3, "A5", "Cancel", "duplicate", NEW),
				row("r2", "I2", "CCS", 3, 20, 4, "A6", "New", "created", null),
				row("r3", "P1", "PAL", 4, 1, 2, "A6", "New", "unchanged", NEW),
				row("r3", "P1", "PAL", 4, 1, 3, "B1", "New", "created", null));
	}

	/*
	 * Stored vouchers:
	 * A1 new; A2 used by Coverage/p2 (exists) on 03-10, then cancelled on 03-25 (a claim c1 has code A2: cancelled
	 *   but claimed; set back to new by I2 which found it used);
	 * A3 imported used, no policy (used without policy); A4 and a4 new (case differs: each names the other);
	 * A5 new; A6 used on 03-21 by Coverage/gone which no longer exists (used without policy), claims c2 and c3 for
	 *   insurees i1 and i2 (claimed for 2 insurees);
	 * A7 (CCS, created without import on 02-01): used 02-02, cancelled 02-03, new 02-04, used 02-05 by Coverage/p7
	 *   (used by 2 enrolments); B1 (PAL) new.
	 */
	private static List<Voucher> vouchers() {
		return List.of(
				voucher("v1", "A1", "CCS", NEW, "I1", null, false, change(NEW, 3, 2)),
				voucher("v2", "A2", "CCS", CANCELLED, "I1", "Coverage/p2", true,
						change(NEW, 3, 2), change(USED, 3, 10), change(CANCELLED, 3, 25)),
				voucher("v3", "A3", "CCS", USED, "I1", null, false, change(USED, 3, 2)),
				voucher("v4", "A4", "CCS", NEW, "I1", null, false, change(NEW, 3, 2)),
				voucher("v4b", "a4", "CCS", NEW, "I1", null, false, change(NEW, 3, 2)),
				voucher("v5", "A5", "CCS", NEW, "I1", null, false, change(NEW, 3, 2)),
				voucher("v6", "A6", "CCS", USED, "I2", "Coverage/gone", false, change(NEW, 3, 20), change(USED, 3, 21)),
				voucher("v7", "A7", "CCS", USED, null, "Coverage/p7", true,
						change(NEW, 2, 1), change(USED, 2, 2), change(CANCELLED, 2, 3), change(NEW, 2, 4), change(USED, 2, 5)),
				voucher("v8", "B1", "PAL", NEW, "P1", null, false, change(NEW, 4, 1)));
	}

	private static List<ClaimFact> claims() {
		return List.of(new ClaimFact("Claim/c1", "A2", "Patient/i9"), new ClaimFact("Claim/c2", "A6", "Patient/i1"),
				new ClaimFact("Claim/c3", "A6", "Patient/i2"));
	}

	@Test
	void everythingListsTheHandWorkedDuplicatesWithAllTheirRows() {
		Result result = VoucherReview.review(rows(), vouchers(), claims(), Selection.ALL);

		Map<String, Duplicate> duplicates = byNumber(result.duplicates(), Duplicate::number);
		assertThat(duplicates.keySet()).containsExactly("A1", "A2", "A5", "A6");
		assertThat(duplicates.get("A1").findings()).containsExactly(VoucherFinding.DUPLICATE_IN_FILE);
		assertThat(duplicates.get("A1").rows()).extracting(ImportRow::line).containsExactly(2, 4);
		assertThat(duplicates.get("A2").findings()).containsExactly(VoucherFinding.DUPLICATE_ACROSS_IMPORTS);
		assertThat(duplicates.get("A2").rows()).extracting(ImportRow::importId).containsExactly("I1", "I2");
		assertThat(duplicates.get("A2").voucher().status()).as("its current status").isEqualTo(CANCELLED);
		assertThat(duplicates.get("A6").rows()).extracting(ImportRow::outcome).containsExactly("created", "unchanged");
	}

	@Test
	void everythingListsTheHandWorkedSuspiciousVouchers() {
		Result result = VoucherReview.review(rows(), vouchers(), claims(), Selection.ALL);

		Map<String, Suspect> suspects = byNumber(result.suspects(), s -> s.voucher().number());
		// A1, A5 and B1 are only duplicates or clean; sorted by number: upper case before lower case
		assertThat(suspects.keySet()).containsExactly("A2", "A3", "A4", "A6", "A7", "a4");
		assertThat(codes(suspects.get("A2"))).containsExactly(VoucherFinding.SET_BACK_TO_NEW_BY_IMPORT, VoucherFinding.CANCELLED_BUT_CLAIMED);
		assertThat(finding(suspects.get("A2"), VoucherFinding.SET_BACK_TO_NEW_BY_IMPORT).related()).containsExactly("Basic/r2");
		assertThat(finding(suspects.get("A2"), VoucherFinding.CANCELLED_BUT_CLAIMED).related()).containsExactly("Claim/c1");
		assertThat(codes(suspects.get("A3"))).containsExactly(VoucherFinding.USED_WITHOUT_POLICY);
		assertThat(finding(suspects.get("A4"), VoucherFinding.NUMBER_DIFFERS_BY_CASE).related()).containsExactly("Basic/v4b");
		assertThat(finding(suspects.get("a4"), VoucherFinding.NUMBER_DIFFERS_BY_CASE).argument()).isEqualTo("A4");
		assertThat(codes(suspects.get("A6"))).containsExactly(VoucherFinding.CLAIMED_FOR_SEVERAL_INSUREES, VoucherFinding.USED_WITHOUT_POLICY);
		assertThat(finding(suspects.get("A6"), VoucherFinding.CLAIMED_FOR_SEVERAL_INSUREES).argument()).isEqualTo("2");
		assertThat(finding(suspects.get("A6"), VoucherFinding.USED_WITHOUT_POLICY).related()).containsExactly("Coverage/gone");
		assertThat(codes(suspects.get("A7"))).containsExactly(VoucherFinding.USED_BY_SEVERAL_ENROLMENTS);
		assertThat(finding(suspects.get("A7"), VoucherFinding.USED_BY_SEVERAL_ENROLMENTS).argument()).isEqualTo("2");
		assertThat(finding(suspects.get("A7"), VoucherFinding.USED_BY_SEVERAL_ENROLMENTS).related()).containsExactly("Coverage/p7");
	}

	/*
	 * Import I2 only: its numbers A2, A5, A6. Duplicates A2 (r1, r2), A5 (r1, r2), A6 (r2, r3: the PAL row is shown
	 * too). Suspicious: A2 (its rows include I2), A6 (created by I2); not A3, A4, a4, A7.
	 */
	@Test
	void oneImportListsTheNumbersItBroughtWithTheirRowsInEveryImport() {
		Result result = VoucherReview.review(rows(), vouchers(), claims(), new Selection(null, "I2", null, null));

		assertThat(result.duplicates()).extracting(Duplicate::number).containsExactly("A2", "A5", "A6");
		assertThat(byNumber(result.duplicates(), Duplicate::number).get("A6").rows()).extracting(ImportRow::recordId)
				.containsExactly("r2", "r3");
		assertThat(result.suspects()).extracting(s -> s.voucher().number()).containsExactly("A2", "A6");
		// the record id selects the same import
		assertThat(VoucherReview.review(rows(), vouchers(), claims(), new Selection(null, "r2", null, null)).duplicates())
				.extracting(Duplicate::number).containsExactly("A2", "A5", "A6");
	}

	/*
	 * PAL: its import P1 (A6, B1) and its voucher B1. Duplicates: A6 (row in P1). Suspicious: none (B1 is clean, A6
	 * is a CCS voucher). CCS: duplicates A1, A2, A5, A6 (A6 has a row in I2); suspicious A2, A3, A4, A6, A7, a4.
	 */
	@Test
	void aProgrammeTakesItsImportsAndItsVouchers() {
		Result pal = VoucherReview.review(rows(), vouchers(), claims(), new Selection("pal", null, null, null));
		assertThat(pal.duplicates()).extracting(Duplicate::number).containsExactly("A6");
		assertThat(pal.suspects()).isEmpty();

		Result ccs = VoucherReview.review(rows(), vouchers(), claims(), new Selection("CCS", null, null, null));
		assertThat(ccs.duplicates()).extracting(Duplicate::number).containsExactly("A1", "A2", "A5", "A6");
		assertThat(ccs.suspects()).extracting(s -> s.voucher().number()).containsExactly("A2", "A3", "A4", "A6", "A7", "a4");
	}

	/*
	 * 2026-03-15 to 2026-03-31: imports I2 (03-20) only; voucher changes on 03-20, 03-21, 03-25.
	 * Duplicates with a row in I2: A2, A5, A6. Suspicious: A2 (changed 03-25, row in I2), A6 (changed 03-21);
	 * A3, A4, a4 changed only on 03-02 and have no row in range; A7 changed in February.
	 * February: no import; A7 changed: suspicious A7 only.
	 */
	@Test
	void aRangeOfDaysTakesTheImportsAndVoucherChangesOfThoseDays() {
		Result late = VoucherReview.review(rows(), vouchers(), claims(),
				new Selection(null, null, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 31)));
		assertThat(late.duplicates()).extracting(Duplicate::number).containsExactly("A2", "A5", "A6");
		assertThat(late.suspects()).extracting(s -> s.voucher().number()).containsExactly("A2", "A6");

		Result february = VoucherReview.review(rows(), vouchers(), claims(),
				new Selection(null, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
		assertThat(february.duplicates()).isEmpty();
		assertThat(february.suspects()).extracting(s -> s.voucher().number()).containsExactly("A7");
		// the ends are included: 03-20 alone is I2's day
		assertThat(VoucherReview.review(rows(), vouchers(), claims(),
				new Selection(null, null, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20))).duplicates())
				.extracting(Duplicate::number).containsExactly("A2", "A5", "A6");
	}

	@Test
	void theClaimsNeededAreThoseOfTheSelectedVouchers() {
		assertThat(VoucherReview.selectedNumbers(rows(), vouchers(), new Selection("PAL", null, null, null))).containsExactly("B1");
		assertThat(VoucherReview.selectedNumbers(rows(), vouchers(), new Selection(null, "I2", null, null)))
				.containsExactly("A2", "A5", "A6");
	}

	/*
	 * A voucher claimed twice for the same insuree is not suspicious (one pregnancy, two facilities); a used voucher
	 * with its policy is not; a row asking "cancelled" of a used voucher is a duplicate, not a setting back to new.
	 */
	@Test
	void ordinaryUseIsNotSuspicious() {
		List<Voucher> vouchers = List.of(voucher("w1", "W1", "CCS", USED, "J", "Coverage/p", true, change(NEW, 3, 1), change(USED, 3, 2)));
		List<ImportRow> rows = List.of(row("j1", "J", "CCS", 3, 1, 2, "W1", "New", "created", null),
				row("j2", "K", "CCS", 3, 5, 2, "W1", "cancelled", "duplicate", USED));
		List<ClaimFact> claims = List.of(new ClaimFact("Claim/x", "W1", "Patient/p"), new ClaimFact("Claim/y", "W1", "Patient/p"));

		Result result = VoucherReview.review(rows, vouchers, claims, Selection.ALL);

		assertThat(result.suspects()).isEmpty();
		assertThat(result.duplicates()).extracting(Duplicate::number).containsExactly("W1");
	}

	private static ImportRow row(String record, String importId, String programme, int month, int day, int line, String number,
			String status, String outcome, VoucherStatus found) {
		return new ImportRow(record, importId, programme, LocalDate.of(2026, month, day), line, number, status, outcome, found);
	}

	private static Voucher voucher(String id, String number, String programme, VoucherStatus status, String importId,
			String usedBy, boolean usedByExists, StatusChange... history) {
		return new Voucher(id, number, programme, status, importId, usedBy, usedByExists, List.of(history));
	}

	private static StatusChange change(VoucherStatus status, int month, int day) {
		return new StatusChange(status, LocalDate.of(2026, month, day));
	}

	private static List<VoucherFinding> codes(Suspect suspect) {
		return suspect.findings().stream().map(Finding::code).toList();
	}

	private static Finding finding(Suspect suspect, VoucherFinding code) {
		return suspect.findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
	}

	private static <T> Map<String, T> byNumber(List<T> items, Function<T, String> number) {
		return items.stream().collect(Collectors.toMap(number, item -> item, (a, b) -> a, java.util.LinkedHashMap::new));
	}
}
