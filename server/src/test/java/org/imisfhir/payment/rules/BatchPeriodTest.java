package org.imisfhir.payment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchPeriodTest {

	@Test
	void monthlyRunCoversOnlyTheMonth() {
		// January is not a quarter end: the run closes January only, 1 to 31.
		BatchPeriod run = new BatchPeriod(2024, 1);

		assertEquals(List.of(Period.month(2024, 1)), run.periods());
		assertEquals(LocalDate.of(2024, 1, 1), run.monthPeriod().firstDay());
		assertEquals(LocalDate.of(2024, 1, 31), run.monthPeriod().lastDay());
	}

	@Test
	void februaryEndsOnThe29thInALeapYear() {
		// 2024 is a leap year: 29 days; 2023 is not: 28 days.
		assertEquals(LocalDate.of(2024, 2, 29), new BatchPeriod(2024, 2).monthPeriod().lastDay());
		assertEquals(29, Period.month(2024, 2).days());
		assertEquals(28, Period.month(2023, 2).days());
	}

	@Test
	void juneRunAlsoClosesTheSecondQuarter() {
		// Q2 = 1 April to 30 June = 30 + 31 + 30 = 91 days.
		BatchPeriod run = new BatchPeriod(2024, 6);

		assertEquals(List.of(Period.month(2024, 6), Period.quarter(2024, 2)), run.periods());
		Period quarter = run.quarterPeriod().orElseThrow();
		assertEquals(LocalDate.of(2024, 4, 1), quarter.firstDay());
		assertEquals(LocalDate.of(2024, 6, 30), quarter.lastDay());
		assertEquals(91, quarter.days());
	}

	@Test
	void decemberRunClosesMonthQuarterAndYear() {
		// Q4 = 1 October to 31 December = 92 days; 2024 = 366 days.
		BatchPeriod run = new BatchPeriod(2024, 12);

		assertEquals(List.of(Period.month(2024, 12), Period.quarter(2024, 4), Period.wholeYear(2024)), run.periods());
		assertEquals(92, run.quarterPeriod().orElseThrow().days());
		Period year = run.yearPeriod().orElseThrow();
		assertEquals(LocalDate.of(2024, 1, 1), year.firstDay());
		assertEquals(LocalDate.of(2024, 12, 31), year.lastDay());
		assertEquals(366, year.days());
	}

	@Test
	void mayRunHasNoQuarterNorYear() {
		BatchPeriod run = new BatchPeriod(2024, 5);

		assertTrue(run.periodOf(PeriodType.QUARTER).isEmpty());
		assertTrue(run.periodOf(PeriodType.YEAR).isEmpty());
		assertEquals(Period.month(2024, 5), run.periodOf(PeriodType.MONTH).orElseThrow());
	}

	@Test
	void anyTimeOnTheLastDayIsInThePeriod_ruleDecisions27() {
		Period march = Period.month(2024, 3);

		assertTrue(march.contains(LocalDateTime.of(2024, 3, 1, 0, 0)));
		assertTrue(march.contains(LocalDateTime.of(2024, 3, 31, 23, 59, 59, 999_999_999)));
		assertFalse(march.contains(LocalDateTime.of(2024, 4, 1, 0, 0)));
		assertFalse(march.contains(LocalDateTime.of(2024, 2, 29, 23, 59, 59)));
	}

	@Test
	void monthOutsideOneToTwelveIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> new BatchPeriod(2024, 13));
		assertThrows(IllegalArgumentException.class, () -> new BatchPeriod(2024, 0));
		assertThrows(IllegalArgumentException.class, () -> Period.quarter(2024, 5));
	}
}
