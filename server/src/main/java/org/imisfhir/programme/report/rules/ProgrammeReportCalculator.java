package org.imisfhir.programme.report.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a programme's month from its facts ({@link ProgrammeIndicator} defines the indicators):
 * <ul>
 * <li>a beneficiary belongs to the facility of its first point of service, else to the facility of the officer
 * who enrolled its policy, else to none (it is then in the programme total only);</li>
 * <li>a claim line belongs to the month of its date of care, a claim to the month it was claimed;</li>
 * <li>a voucher is imported in the month of its first history entry, used or cancelled in the month of a change
 * to that status (counted once however many such changes the month holds); duplicates are those the month's
 * imports reported.</li>
 * </ul>
 */
public final class ProgrammeReportCalculator {

	private static final String USED = "used";
	private static final String CANCELLED = "cancelled";

	private ProgrammeReportCalculator() {}

	/**
	 * @param offering the facilities offering the programme, in report order
	 * @param only a single facility to report (null: those offering, then any other with activity in the month)
	 */
	public static ProgrammeFigures compute(YearMonth month, Collection<String> offering, String only, ProgrammeFacts facts) {
		return compute(month, offering, only, facts, null);
	}

	/**
	 * The month as seen by a user limited to some facilities (those of their districts): only those facilities are
	 * reported, and the programme's figures are their total. Beneficiaries attributed to no facility and the vouchers,
	 * which belong to no facility, are left out: the voucher indicators have no figure.
	 *
	 * @param scope the facilities the user may see; null: the whole programme
	 */
	public static ProgrammeFigures compute(YearMonth month, Collection<String> offering, String only, ProgrammeFacts facts,
			Set<String> scope) {
		Set<String> facilities = new LinkedHashSet<>();
		if (only != null) {
			facilities.add(only);
		} else {
			offering.stream().filter(facility -> within(scope, facility)).forEach(facilities::add);
		}
		Map<String, Tally> tallies = new HashMap<>();
		Tally total = new Tally();

		for (ProgrammeFacts.Enrolment enrolment : facts.enrolments()) {
			if (!in(month, enrolment.enrolDate())) {
				continue;
			}
			for (ProgrammeFacts.Beneficiary beneficiary : enrolment.beneficiaries()) {
				if (!within(scope, attributedFacility(beneficiary))) {
					continue;
				}
				total.beneficiaries.add(beneficiary.insureeId());
				Tally facility = tally(tallies, facilities, only, attributedFacility(beneficiary));
				if (facility != null) {
					facility.beneficiaries.add(beneficiary.insureeId());
				}
			}
		}
		for (ProgrammeFacts.ClaimFact claim : facts.claims()) {
			long lines = claim.lineDates().stream().filter(day -> in(month, day)).count();
			boolean claimed = in(month, claim.claimDate());
			if ((lines == 0 && !claimed) || !within(scope, claim.facilityId())) {
				continue;
			}
			Tally facility = tally(tallies, facilities, only, claim.facilityId());
			for (Tally tally : new Tally[] {facility, total}) {
				if (tally == null) {
					continue;
				}
				tally.services += lines;
				if (claimed && claim.submitted()) {
					tally.submitted++;
					tally.claimed = tally.claimed.add(claim.claimed());
				}
				if (claimed && claim.valuated()) {
					tally.valuated++;
					tally.valuatedAmount = tally.valuatedAmount.add(claim.valuatedAmount());
				}
			}
		}

		Map<String, ProgrammeFigures.Figures> byFacility = new LinkedHashMap<>();
		for (String facility : facilities) {
			byFacility.put(facility, tallies.getOrDefault(facility, new Tally()).figures());
		}
		ProgrammeFigures.Figures programme = total.figures();
		if (scope != null) {
			return new ProgrammeFigures(byFacility, programme);
		}
		Map<ProgrammeIndicator, BigDecimal> values = programme.values();
		values.put(ProgrammeIndicator.VOUCHERS_IMPORTED, count(facts.vouchers().stream()
				.filter(v -> v.imported() && !v.history().isEmpty() && in(month, v.history().get(0).day())).count()));
		values.put(ProgrammeIndicator.VOUCHERS_USED, count(changedTo(USED, month, facts.vouchers())));
		values.put(ProgrammeIndicator.VOUCHERS_CANCELLED, count(changedTo(CANCELLED, month, facts.vouchers())));
		values.put(ProgrammeIndicator.VOUCHERS_DUPLICATE, count(facts.imports().stream()
				.filter(i -> in(month, i.day())).mapToLong(ProgrammeFacts.VoucherImport::duplicates).sum()));
		return new ProgrammeFigures(byFacility, programme);
	}

	/** The facility a beneficiary is counted at: its first point of service, else its officer's facility. */
	public static String attributedFacility(ProgrammeFacts.Beneficiary beneficiary) {
		return beneficiary.firstServicePoint() != null ? beneficiary.firstServicePoint() : beneficiary.officerFacility();
	}

	/** Whether a facility (null: none) is in the scope (null: everything is). */
	private static boolean within(Set<String> scope, String facility) {
		return scope == null || (facility != null && scope.contains(facility));
	}

	private static long changedTo(String status, YearMonth month, List<ProgrammeFacts.Voucher> vouchers) {
		return vouchers.stream().filter(voucher -> voucher.history().stream()
				.anyMatch(change -> status.equals(change.status()) && in(month, change.day()))).count();
	}

	/** The tally of a facility, added to the reported facilities unless a single one is asked for (then null). */
	private static Tally tally(Map<String, Tally> tallies, Set<String> facilities, String only, String facility) {
		if (facility == null || (only != null && !only.equals(facility))) {
			return null;
		}
		facilities.add(facility);
		return tallies.computeIfAbsent(facility, id -> new Tally());
	}

	private static boolean in(YearMonth month, LocalDate day) {
		return day != null && YearMonth.from(day).equals(month);
	}

	private static BigDecimal count(long value) {
		return BigDecimal.valueOf(value);
	}

	private static final class Tally {
		final Set<String> beneficiaries = new HashSet<>();
		long services;
		long submitted;
		long valuated;
		BigDecimal claimed = BigDecimal.ZERO;
		BigDecimal valuatedAmount = BigDecimal.ZERO;

		ProgrammeFigures.Figures figures() {
			Map<ProgrammeIndicator, BigDecimal> values = new EnumMap<>(ProgrammeIndicator.class);
			values.put(ProgrammeIndicator.BENEFICIARIES_REGISTERED, count(beneficiaries.size()));
			values.put(ProgrammeIndicator.SERVICES_RECORDED, count(services));
			values.put(ProgrammeIndicator.CLAIMS_SUBMITTED, count(submitted));
			values.put(ProgrammeIndicator.CLAIMS_VALUATED, count(valuated));
			values.put(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT, claimed);
			values.put(ProgrammeIndicator.CLAIMS_VALUATED_AMOUNT, valuatedAmount);
			return new ProgrammeFigures.Figures(values);
		}
	}
}
