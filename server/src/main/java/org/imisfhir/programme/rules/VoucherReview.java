package org.imisfhir.programme.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The listing of duplicate and suspicious vouchers (the duplicate-management SOP), from the rows the imports
 * recorded, the stored vouchers and the claims whose code is a voucher number:
 * <ul>
 * <li>a number is a <b>duplicate</b> when it came more than once, on two lines of one file or in two imports,
 * whatever each row's outcome (created, unchanged, duplicate); it is listed when at least one of its rows is in
 * an import the selection takes, with all of its rows;</li>
 * <li>a stored voucher is <b>suspicious</b> when it became used more than once; or its number is the code of claims
 * for more than one insuree; or an import asked for it as new while it was stored as used; or another voucher's
 * number differs from it only by case; or it is used but no existing policy used it; or it is cancelled and a
 * claim has its number as code. It is listed when the selection takes it.</li>
 * </ul>
 * Numbers compare exactly (as the store does), except for the case check; statuses as parsed by
 * {@link VoucherStatus}.
 */
public final class VoucherReview {

	/**
	 * A row an import recorded: the import's record and id, programme and day, the line, the number and status as
	 * written, the outcome reported (created, unchanged, duplicate) and the status the voucher was stored with when the
	 * import read it (null when it was not stored).
	 */
	public record ImportRow(String recordId, String importId, String programme, LocalDate day, int line, String number,
			String status, String outcome, VoucherStatus found) {}

	/** One change of a voucher's status and its day. */
	public record StatusChange(VoucherStatus status, LocalDate day) {}

	/**
	 * A stored voucher: its resource id, number, programme, current status, the import that created it, the policy
	 * that used it (a reference, null when none is named) and whether that policy exists, and its status history.
	 */
	public record Voucher(String id, String number, String programme, VoucherStatus status, String importId,
			String usedBy, boolean usedByExists, List<StatusChange> history) {}

	/** A claim whose code may be a voucher number: its reference, code and insuree (a reference). */
	public record ClaimFact(String reference, String code, String patient) {}

	/**
	 * What to list: the vouchers and imports of a programme (code, any case), one import (its import id or record id),
	 * a range of days (both ends included); null: no limit.
	 */
	public record Selection(String programme, String importId, LocalDate from, LocalDate to) {
		public static final Selection ALL = new Selection(null, null, null, null);

		boolean takes(ImportRow row) {
			return (programme == null || programme.equalsIgnoreCase(String.valueOf(row.programme())))
					&& (importId == null || importId.equals(row.importId()) || importId.equals(row.recordId()))
					&& inRange(row.day());
		}

		boolean takes(Voucher voucher, List<ImportRow> rowsOfNumber) {
			if (programme != null && !programme.equalsIgnoreCase(String.valueOf(voucher.programme()))) {
				return false;
			}
			if (importId != null && !importId.equals(voucher.importId()) && rowsOfNumber.stream()
					.noneMatch(row -> importId.equals(row.importId()) || importId.equals(row.recordId()))) {
				return false;
			}
			if (from == null && to == null) {
				return true;
			}
			return voucher.history().stream().anyMatch(change -> inRange(change.day()))
					|| rowsOfNumber.stream().anyMatch(row -> inRange(row.day()));
		}

		private boolean inRange(LocalDate day) {
			if (from == null && to == null) {
				return true;
			}
			return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
		}
	}

	/**
	 * One finding about a voucher, with the resources it concerns (references such as {@code Claim/12}) and what its
	 * text says besides the number: how many uses, insurees or claims, or the other numbers ("" when nothing).
	 */
	public record Finding(VoucherFinding code, List<String> related, String argument) {}

	/** A number that came more than once: the stored voucher of that number (null if none), why, and every row. */
	public record Duplicate(String number, Voucher voucher, Set<VoucherFinding> findings, List<ImportRow> rows) {}

	/** A suspicious voucher and what was found. */
	public record Suspect(Voucher voucher, List<Finding> findings) {}

	public record Result(List<Duplicate> duplicates, List<Suspect> suspects) {}

	private VoucherReview() {}

	/**
	 * @param rows every recorded import row (the imports in the order they were made, each in line order)
	 * @param vouchers every stored voucher (the case check compares each with all of them)
	 * @param claims the claims whose code is the number of one of the vouchers the selection takes
	 */
	public static Result review(List<ImportRow> rows, List<Voucher> vouchers, List<ClaimFact> claims, Selection selection) {
		Map<String, List<ImportRow>> rowsByNumber = byNumber(rows);
		Map<String, Voucher> voucherByNumber = new HashMap<>();
		vouchers.forEach(voucher -> voucherByNumber.put(voucher.number(), voucher));
		return new Result(duplicates(rowsByNumber, voucherByNumber, selection),
				suspects(rowsByNumber, vouchers, claims, selection));
	}

	/** The numbers of the vouchers the selection takes (whose claims the review needs). */
	public static Set<String> selectedNumbers(List<ImportRow> rows, List<Voucher> vouchers, Selection selection) {
		Map<String, List<ImportRow>> rowsByNumber = byNumber(rows);
		Set<String> numbers = new LinkedHashSet<>();
		for (Voucher voucher : vouchers) {
			if (selection.takes(voucher, rowsByNumber.getOrDefault(voucher.number(), List.of()))) {
				numbers.add(voucher.number());
			}
		}
		return numbers;
	}

	private static List<Duplicate> duplicates(Map<String, List<ImportRow>> rowsByNumber, Map<String, Voucher> voucherByNumber,
			Selection selection) {
		List<Duplicate> duplicates = new ArrayList<>();
		for (Map.Entry<String, List<ImportRow>> entry : rowsByNumber.entrySet()) {
			List<ImportRow> occurrences = entry.getValue();
			if (occurrences.size() < 2 || occurrences.stream().noneMatch(selection::takes)) {
				continue;
			}
			Set<VoucherFinding> findings = EnumSet.noneOf(VoucherFinding.class);
			Map<String, Integer> linesPerImport = new HashMap<>();
			occurrences.forEach(row -> linesPerImport.merge(row.recordId(), 1, Integer::sum));
			if (linesPerImport.values().stream().anyMatch(lines -> lines > 1)) {
				findings.add(VoucherFinding.DUPLICATE_IN_FILE);
			}
			if (linesPerImport.size() > 1) {
				findings.add(VoucherFinding.DUPLICATE_ACROSS_IMPORTS);
			}
			duplicates.add(new Duplicate(entry.getKey(), voucherByNumber.get(entry.getKey()), findings, occurrences));
		}
		duplicates.sort(Comparator.comparing(Duplicate::number));
		return duplicates;
	}

	private static List<Suspect> suspects(Map<String, List<ImportRow>> rowsByNumber, List<Voucher> vouchers,
			List<ClaimFact> claims, Selection selection) {
		Map<String, List<Voucher>> byFoldedNumber = new HashMap<>();
		vouchers.forEach(voucher -> byFoldedNumber.computeIfAbsent(fold(voucher.number()), n -> new ArrayList<>()).add(voucher));
		Map<String, List<ClaimFact>> claimsByCode = new HashMap<>();
		claims.forEach(claim -> claimsByCode.computeIfAbsent(claim.code(), c -> new ArrayList<>()).add(claim));

		List<Suspect> suspects = new ArrayList<>();
		for (Voucher voucher : vouchers) {
			List<ImportRow> rows = rowsByNumber.getOrDefault(voucher.number(), List.of());
			if (!selection.takes(voucher, rows)) {
				continue;
			}
			List<ClaimFact> itsClaims = claimsByCode.getOrDefault(voucher.number(), List.of());
			List<Finding> findings = new ArrayList<>();
			long uses = voucher.history().stream().filter(change -> change.status() == VoucherStatus.USED).count();
			if (uses > 1) {
				findings.add(new Finding(VoucherFinding.USED_BY_SEVERAL_ENROLMENTS, policyOf(voucher), String.valueOf(uses)));
			}
			long insurees = itsClaims.stream().map(ClaimFact::patient).filter(Objects::nonNull).distinct().count();
			if (insurees > 1) {
				findings.add(new Finding(VoucherFinding.CLAIMED_FOR_SEVERAL_INSUREES, references(itsClaims), String.valueOf(insurees)));
			}
			List<String> setBack = rows.stream()
					.filter(row -> row.found() == VoucherStatus.USED && VoucherStatus.parse(row.status()).orElse(null) == VoucherStatus.NEW)
					.map(row -> "Basic/" + row.recordId()).distinct().toList();
			if (!setBack.isEmpty()) {
				findings.add(new Finding(VoucherFinding.SET_BACK_TO_NEW_BY_IMPORT, setBack, ""));
			}
			List<Voucher> caseVariants = byFoldedNumber.get(fold(voucher.number())).stream()
					.filter(other -> !other.number().equals(voucher.number())).toList();
			if (!caseVariants.isEmpty()) {
				findings.add(new Finding(VoucherFinding.NUMBER_DIFFERS_BY_CASE,
						caseVariants.stream().map(other -> "Basic/" + other.id()).toList(),
						String.join(", ", caseVariants.stream().map(Voucher::number).toList())));
			}
			if (voucher.status() == VoucherStatus.USED && (voucher.usedBy() == null || !voucher.usedByExists())) {
				findings.add(new Finding(VoucherFinding.USED_WITHOUT_POLICY,
						voucher.usedBy() == null ? List.of() : List.of(voucher.usedBy()), ""));
			}
			if (voucher.status() == VoucherStatus.CANCELLED && !itsClaims.isEmpty()) {
				List<String> claimed = references(itsClaims);
				findings.add(new Finding(VoucherFinding.CANCELLED_BUT_CLAIMED, claimed, String.valueOf(claimed.size())));
			}
			if (!findings.isEmpty()) {
				suspects.add(new Suspect(voucher, findings));
			}
		}
		suspects.sort(Comparator.comparing(suspect -> suspect.voucher().number()));
		return suspects;
	}

	private static Map<String, List<ImportRow>> byNumber(List<ImportRow> rows) {
		Map<String, List<ImportRow>> byNumber = new LinkedHashMap<>();
		rows.stream().filter(row -> row.number() != null && !row.number().isBlank())
				.forEach(row -> byNumber.computeIfAbsent(row.number().trim(), n -> new ArrayList<>()).add(row));
		return byNumber;
	}

	private static List<String> policyOf(Voucher voucher) {
		return voucher.usedBy() != null && voucher.usedByExists() ? List.of(voucher.usedBy()) : List.of();
	}

	private static List<String> references(List<ClaimFact> claims) {
		return claims.stream().map(ClaimFact::reference).distinct().toList();
	}

	private static String fold(String number) {
		return number.toLowerCase(Locale.ROOT);
	}
}
