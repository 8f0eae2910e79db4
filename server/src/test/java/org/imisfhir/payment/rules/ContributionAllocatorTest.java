package org.imisfhir.payment.rules;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.imisfhir.payment.rules.Amounts.assertAmount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContributionAllocatorTest {

	private final ContributionAllocator allocator = new ContributionAllocator();

	private static PolicyContribution paid(String amount, LocalDate effective, LocalDate expiry) {
		return new PolicyContribution(amount(amount), effective, expiry);
	}

	@Test
	void wholeYearPolicyGivesJanuaryItsDays_ruleDecisions24() {
		// 365.00 over 1 Jan - 31 Dec 2023 (365 days) = 1.00 a day; January has 31 days -> 31.00.
		PolicyContribution contribution = paid("365.00", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

		assertAmount("31", allocator.allocate(contribution, Period.month(2023, 1)));
	}

	@Test
	void policyStartingMidMonthCountsBothEnds_ruleDecisions24() {
		// 16 Jan 2023 - 15 Jan 2024 = 365 days, 3650.00 -> 10.00 a day.
		// Jan 2023: 16th to 31st = 16 days -> 160; Feb 2023: 28 days -> 280; Jan 2024: 1st to 15th = 15 days -> 150.
		PolicyContribution contribution = paid("3650.00", LocalDate.of(2023, 1, 16), LocalDate.of(2024, 1, 15));

		assertAmount("160", allocator.allocate(contribution, Period.month(2023, 1)));
		assertAmount("280", allocator.allocate(contribution, Period.month(2023, 2)));
		assertAmount("150", allocator.allocate(contribution, Period.month(2024, 1)));
	}

	@Test
	void policyEndingMidMonthIsSpreadAcrossMonthBoundaries_ruleDecisions24() {
		// 10 Mar - 20 May 2023: March 22 days + April 30 + May 20 = 72 days; 720.00 -> 10.00 a day.
		// March 220, April 300, May 200 (sum 720), June 0; Q2 = 300 + 200 = 500.
		PolicyContribution contribution = paid("720.00", LocalDate.of(2023, 3, 10), LocalDate.of(2023, 5, 20));

		assertAmount("220", allocator.allocate(contribution, Period.month(2023, 3)));
		assertAmount("300", allocator.allocate(contribution, Period.month(2023, 4)));
		assertAmount("200", allocator.allocate(contribution, Period.month(2023, 5)));
		assertAmount("0", allocator.allocate(contribution, Period.month(2023, 6)));
		assertAmount("500", allocator.allocate(contribution, Period.quarter(2023, 2)));
	}

	@Test
	void leapYearPolicyHas366Days_ruleDecisions24() {
		// 1 Jan - 31 Dec 2024 = 366 days; 732.00 -> 2.00 a day; February has 29 days -> 58.
		PolicyContribution contribution = paid("732.00", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

		assertAmount("58", allocator.allocate(contribution, Period.month(2024, 2)));
	}

	@Test
	void policyAcrossTheLeapDay_ruleDecisions24() {
		// 15 Feb - 14 Mar 2024: 15..29 Feb = 15 days + 1..14 Mar = 14 days = 29 days; 290.00 -> 10 a day.
		PolicyContribution contribution = paid("290.00", LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 14));

		assertAmount("150", allocator.allocate(contribution, Period.month(2024, 2)));
		assertAmount("140", allocator.allocate(contribution, Period.month(2024, 3)));
	}

	@Test
	void nothingIsAllocatedOutsideTheCover() {
		PolicyContribution startsLater = paid("100.00", LocalDate.of(2023, 2, 1), LocalDate.of(2024, 1, 31));
		PolicyContribution expiredBefore = paid("100.00", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
		PolicyContribution neverActive = paid("100.00", null, LocalDate.of(2023, 12, 31));

		assertAmount("0", allocator.allocate(startsLater, Period.month(2023, 1)));
		assertAmount("0", allocator.allocate(expiredBefore, Period.month(2023, 1)));
		assertAmount("0", allocator.allocate(neverActive, Period.month(2023, 1)));
	}

	@Test
	void quarterTakesTheDaysOfItsThreeMonths() {
		// Q1 2023 = 31 + 28 + 31 = 90 days of a 365-day policy paid 365.00 -> 90.
		PolicyContribution contribution = paid("365.00", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

		assertAmount("90", allocator.allocate(contribution, Period.quarter(2023, 1)));
	}

	@Test
	void unevenDivisionIsNotRoundedEarly_ruleDecisions24() {
		// 1000.00 x 31 / 365 = 84.931506849315 0684931... (12 places: 84.931506849315); to the cent 84.93.
		// Twelve months add back to 1000.00 once rounded.
		PolicyContribution contribution = paid("1000.00", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

		BigDecimal january = allocator.allocate(contribution, Period.month(2023, 1));
		assertAmount("84.93", january.setScale(2, RoundingMode.HALF_UP));
		assertAmount("84.931506849315", january.setScale(12, RoundingMode.HALF_UP));
		BigDecimal wholeYear = BigDecimal.ZERO;
		for (int month = 1; month <= 12; month++) {
			wholeYear = wholeYear.add(allocator.allocate(contribution, Period.month(2023, month)));
		}
		assertAmount("1000.00", wholeYear.setScale(2, RoundingMode.HALF_UP));
	}

	@Test
	void oneDayPolicyPutsEverythingInItsMonth() {
		PolicyContribution contribution = paid("50.00", LocalDate.of(2023, 5, 31), LocalDate.of(2023, 5, 31));

		assertAmount("50", allocator.allocate(contribution, Period.month(2023, 5)));
		assertAmount("0", allocator.allocate(contribution, Period.month(2023, 6)));
	}

	@Test
	void allocationsOfSeveralContributionsAreAdded() {
		// January 2023: 31 (365.00 whole year) + 160 (3650.00 from 16 Jan) = 191.
		List<PolicyContribution> contributions = List.of(
				paid("365.00", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
				paid("3650.00", LocalDate.of(2023, 1, 16), LocalDate.of(2024, 1, 15)));

		assertAmount("191", allocator.allocateAll(contributions, Period.month(2023, 1)));
	}
}
