package org.imisfhir.programme.report.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.imisfhir.programme.report.rules.ProgrammeFacts.Beneficiary;
import org.imisfhir.programme.report.rules.ProgrammeFacts.ClaimFact;
import org.imisfhir.programme.report.rules.ProgrammeFacts.Enrolment;
import org.imisfhir.programme.report.rules.ProgrammeFacts.StatusChange;
import org.imisfhir.programme.report.rules.ProgrammeFacts.Voucher;
import org.imisfhir.programme.report.rules.ProgrammeFacts.VoucherImport;
import org.junit.jupiter.api.Test;

class ProgrammeReportCalculatorTest {

	private static final YearMonth MARCH = YearMonth.of(2026, 3);

	/*
	 * Facilities A and B offer the programme; C does not but has a claim.
	 * Enrolments: P1 on 03-02 (insurees i1 with first service point B, i2 without one, officer at A);
	 * P2 on 03-31 (i3, no service point, officer without facility); P3 on 02-28 (i4 at A: February, not counted).
	 * March beneficiaries: A = {i2} = 1, B = {i1} = 1, programme = {i1, i2, i3} = 3 (i3 unattributed).
	 * Claims: c1 at A claimed 03-05, submitted and valuated, 1000 claimed, 450 valuated, lines of 03-04 and 03-05;
	 * c2 at A claimed 04-02 (April), submitted, 500 claimed, one line of 03-31: 1 March line, no March claim;
	 * c3 at C claimed 03-10, entered (not submitted), 300, 2 lines of 03-10; c4 at B claimed 03-20, submitted and
	 * rejected (not valuated), 200, one line of 03-19.
	 * A: services 2 + 1 = 3, submitted 1 (c1), valuated 1, claimed 1000, valuated 450.
	 * B: services 1, submitted 1 (c4), valuated 0, claimed 200, valuated 0.
	 * C: services 2, submitted 0, claimed 0 (c3 is entered only).
	 * Programme: services 3 + 1 + 2 = 6, submitted 2, valuated 1, claimed 1200, valuated 450.
	 */
	private static ProgrammeFacts facts() {
		List<Enrolment> enrolments = List.of(
				new Enrolment("P1", LocalDate.of(2026, 3, 2), List.of(new Beneficiary("i1", "B", "A"), new Beneficiary("i2", null, "A"))),
				new Enrolment("P2", LocalDate.of(2026, 3, 31), List.of(new Beneficiary("i3", null, null))),
				new Enrolment("P3", LocalDate.of(2026, 2, 28), List.of(new Beneficiary("i4", "A", null))));
		List<ClaimFact> claims = List.of(
				new ClaimFact("c1", "A", LocalDate.of(2026, 3, 5), true, true, new BigDecimal("1000"), new BigDecimal("450"),
						List.of(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5))),
				new ClaimFact("c2", "A", LocalDate.of(2026, 4, 2), true, false, new BigDecimal("500"), BigDecimal.ZERO,
						List.of(LocalDate.of(2026, 3, 31))),
				new ClaimFact("c3", "C", LocalDate.of(2026, 3, 10), false, false, new BigDecimal("300"), BigDecimal.ZERO,
						List.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10))),
				new ClaimFact("c4", "B", LocalDate.of(2026, 3, 20), true, false, new BigDecimal("200"), BigDecimal.ZERO,
						List.of(LocalDate.of(2026, 3, 19))));
		/*
		 * Vouchers: v1 imported 03-01, used 03-15; v2 imported 02-20 (February), cancelled 03-03, set new 03-04,
		 * cancelled again 03-05 (one cancelled voucher); v3 imported cancelled 03-01; v4 imported 03-01, still new;
		 * v5 created without import on 03-01 (not imported). Imports of 03-01 (2 duplicates), 02-20 (1: February).
		 * March: imported v1, v3, v4 = 3; used v1 = 1; cancelled v2, v3 = 2; duplicates 2.
		 */
		List<Voucher> vouchers = List.of(
				new Voucher("v1", true, List.of(change("new", 3, 1), change("used", 3, 15))),
				new Voucher("v2", true, List.of(change("new", 2, 20), change("cancelled", 3, 3), change("new", 3, 4),
						change("cancelled", 3, 5))),
				new Voucher("v3", true, List.of(change("cancelled", 3, 1))),
				new Voucher("v4", true, List.of(change("new", 3, 1))),
				new Voucher("v5", false, List.of(change("new", 3, 1))));
		List<VoucherImport> imports = List.of(new VoucherImport("m", LocalDate.of(2026, 3, 1), 2),
				new VoucherImport("f", LocalDate.of(2026, 2, 20), 1));
		return new ProgrammeFacts(enrolments, claims, vouchers, imports);
	}

	private static StatusChange change(String status, int month, int day) {
		return new StatusChange(status, LocalDate.of(2026, month, day));
	}

	@Test
	void everyFacilityOfferingOrActiveHasItsHandWorkedFigures() {
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), null, facts());

		assertThat(figures.facilities().keySet()).as("offering first, then active").containsExactly("A", "B", "C");
		ProgrammeFigures.Figures a = figures.facilities().get("A");
		assertThat(a.get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("1");
		assertThat(a.get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("3");
		assertThat(a.get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("1");
		assertThat(a.get(ProgrammeIndicator.CLAIMS_VALUATED)).isEqualByComparingTo("1");
		assertThat(a.get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("1000");
		assertThat(a.get(ProgrammeIndicator.CLAIMS_VALUATED_AMOUNT)).isEqualByComparingTo("450");
		ProgrammeFigures.Figures b = figures.facilities().get("B");
		assertThat(b.get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("1");
		assertThat(b.get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("1");
		assertThat(b.get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("1");
		assertThat(b.get(ProgrammeIndicator.CLAIMS_VALUATED)).isEqualByComparingTo("0");
		assertThat(b.get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("200");
		ProgrammeFigures.Figures c = figures.facilities().get("C");
		assertThat(c.get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("2");
		assertThat(c.get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("0");
		assertThat(c.get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("0");
		assertThat(a.values()).as("vouchers are not a facility's").doesNotContainKey(ProgrammeIndicator.VOUCHERS_USED);
	}

	@Test
	void theProgrammeHasTheTotalsAndTheVouchers() {
		ProgrammeFigures.Figures programme = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), null, facts()).programme();

		assertThat(programme.get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).as("i3 unattributed").isEqualByComparingTo("3");
		assertThat(programme.get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("6");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("2");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_VALUATED)).isEqualByComparingTo("1");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("1200");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_VALUATED_AMOUNT)).isEqualByComparingTo("450");
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_IMPORTED)).isEqualByComparingTo("3");
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_USED)).isEqualByComparingTo("1");
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_CANCELLED)).as("v2 once, v3").isEqualByComparingTo("2");
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_DUPLICATE)).isEqualByComparingTo("2");
	}

	@Test
	void oneFacilityAskedForIsReportedAloneAndTheProgrammeStaysWhole() {
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), "B", facts());

		assertThat(figures.facilities().keySet()).containsExactly("B");
		assertThat(figures.facilities().get("B").get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("200");
		assertThat(figures.programme().get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("1200");
	}

	/*
	 * A user whose districts hold A only: A's row is as above (beneficiaries 1, services 3, submitted 1, valuated 1,
	 * 1000 claimed, 450 valuated); B is not reported though it offers the programme, C not though it had a claim.
	 * Programme = A's total: i1 (at B) and i3 (no facility) are left out, so 1 beneficiary; c3 (C) and c4 (B) are
	 * left out, so services 3, submitted 1, claimed 1000. The vouchers belong to no facility: no figure at all.
	 */
	@Test
	void aUserLimitedToSomeFacilitiesGetsThoseAndTheirTotalWithoutVouchers() {
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), null, facts(), Set.of("A"));

		assertThat(figures.facilities().keySet()).containsExactly("A");
		assertThat(figures.facilities().get("A").get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("3");
		assertThat(figures.facilities().get("A").get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("1");
		ProgrammeFigures.Figures programme = figures.programme();
		assertThat(programme.get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("1");
		assertThat(programme.get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("3");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("1");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_VALUATED)).isEqualByComparingTo("1");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("1000");
		assertThat(programme.get(ProgrammeIndicator.CLAIMS_VALUATED_AMOUNT)).isEqualByComparingTo("450");
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_IMPORTED)).isNull();
		assertThat(programme.get(ProgrammeIndicator.VOUCHERS_DUPLICATE)).isNull();
	}

	/*
	 * Districts holding A and C: rows A (offering) then C (active: services 2, nothing submitted); B left out.
	 * Programme: beneficiaries {i2} = 1, services 3 + 2 = 5, submitted 1, claimed 1000 (c3 is only entered).
	 * Asking for C alone: C's row; the programme row stays the user's total (5 services).
	 */
	@Test
	void theUsersFacilitiesWithActivityAreReportedAndOneOfThemAlone() {
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), null, facts(), Set.of("A", "C"));

		assertThat(figures.facilities().keySet()).containsExactly("A", "C");
		assertThat(figures.facilities().get("C").get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("2");
		assertThat(figures.programme().get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("1");
		assertThat(figures.programme().get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("5");
		assertThat(figures.programme().get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("1");
		assertThat(figures.programme().get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("1000");

		ProgrammeFigures one = ProgrammeReportCalculator.compute(MARCH, List.of("A", "B"), "C", facts(), Set.of("A", "C"));
		assertThat(one.facilities().keySet()).containsExactly("C");
		assertThat(one.programme().get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("5");
	}

	@Test
	void aMonthWithoutActivityGivesZeros() {
		// April: only c2 was claimed (04-02: submitted, 500); its line is of March. No enrolment, no voucher change.
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(YearMonth.of(2026, 4), List.of("B"), null, facts());

		assertThat(figures.facilities().keySet()).containsExactly("B", "A");
		assertThat(figures.facilities().get("B").get(ProgrammeIndicator.CLAIMS_SUBMITTED)).isEqualByComparingTo("0");
		assertThat(figures.facilities().get("A").get(ProgrammeIndicator.SERVICES_RECORDED)).isEqualByComparingTo("0");
		assertThat(figures.facilities().get("A").get(ProgrammeIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("500");
		assertThat(figures.programme().get(ProgrammeIndicator.BENEFICIARIES_REGISTERED)).isEqualByComparingTo("0");
		assertThat(figures.programme().get(ProgrammeIndicator.VOUCHERS_IMPORTED)).isEqualByComparingTo("0");
	}
}
