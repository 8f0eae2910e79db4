package org.imisfhir.enrolment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PolicyPeriodCalculatorTest {

	private final PolicyPeriodCalculator calculator = new PolicyPeriodCalculator();

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}

	private static ProductTerms.Builder freeCycle() {
		return ProductTerms.builder().insurancePeriodMonths(12);
	}

	@Test
	void freeCycleNewPolicyStartsOnEnrolDateAndExpiresTheDayBeforeItsAnniversary() {
		PolicyDates dates = calculator.calculate(freeCycle().build(), Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(date("2024-03-15"), dates.startDate());
		assertEquals(date("2025-03-14"), dates.expiryDate());
	}

	@Test
	void administrationPeriodDelaysTheStartOfANewPolicy() {
		ProductTerms product = freeCycle().administrationPeriodMonths(1).build();

		PolicyDates dates = calculator.calculate(product, Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(date("2024-04-15"), dates.startDate());
		assertEquals(date("2025-04-14"), dates.expiryDate());
	}

	@Test
	void administrationPeriodDoesNotApplyToARenewal() {
		ProductTerms product = freeCycle().administrationPeriodMonths(1).build();

		PolicyDates dates = calculator.calculate(product, Enrolment.renewal(date("2024-06-01"), date("2024-05-31")));

		assertEquals(date("2024-06-01"), dates.startDate());
	}

	@Test
	void rule_decisions_1_thirtyFirstOfJanuaryPlusOneMonthClampsToTheEndOfFebruary() {
		ProductTerms product = freeCycle().administrationPeriodMonths(1).build();

		assertEquals(date("2024-02-29"), calculator.startDate(product, Enrolment.newPolicy(date("2024-01-31"))));
		assertEquals(date("2023-02-28"), calculator.startDate(product, Enrolment.newPolicy(date("2023-01-31"))));
	}

	@Test
	void rule_decisions_1_expiryOfAOneMonthPolicyStartingOnTheThirtyFirstIsClampedThenLessOneDay() {
		// 31 Jan 2023 + 1 month = 28 Feb 2023, less one day = 27 Feb 2023
		ProductTerms product = freeCycle().insurancePeriodMonths(1).build();

		assertEquals(date("2023-02-27"), calculator.expiryDate(product, date("2023-01-31")));
	}

	@Test
	void rule_decisions_3_cycleProductStartsOnTheNextCycleOfTheYear() {
		ProductTerms fcul = DemoProducts.fixedCycleCoverUltha().build();

		PolicyDates dates = calculator.calculate(fcul, Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(date("2024-06-01"), dates.startDate());
		assertEquals(date("2025-05-31"), dates.expiryDate());
		assertEquals(date("2024-11-01"), calculator.startDate(fcul, Enrolment.newPolicy(date("2024-07-10"))));
	}

	@Test
	void rule_decisions_3_enrolmentOnACycleDateStartsThatDay() {
		ProductTerms fcul = DemoProducts.fixedCycleCoverUltha().build();

		assertEquals(date("2024-06-01"), calculator.startDate(fcul, Enrolment.newPolicy(date("2024-06-01"))));
	}

	@Test
	void rule_decisions_3_afterTheLastCycleTheFirstCycleOfNextYearInCalendarOrder() {
		// cycles given November first: the next year's first cycle is still 1 June
		ProductTerms product = ProductTerms.builder()
				.startCycles(MonthDay.of(11, 1), MonthDay.of(6, 1))
				.build();

		assertEquals(date("2025-06-01"), calculator.startDate(product, Enrolment.newPolicy(date("2024-11-02"))));
	}

	@Test
	void rule_decisions_3_enrolmentGracePeriodLetsALateEnrolmentJoinTheCycleJustStarted() {
		// 20 Jun 2024 - 1 month = 20 May 2024, first cycle on or after it: 1 Jun 2024
		ProductTerms withGrace = DemoProducts.fixedCycleCoverUltha().gracePeriodEnrolmentMonths(1).build();
		ProductTerms withoutGrace = DemoProducts.fixedCycleCoverUltha().build();

		assertEquals(date("2024-06-01"), calculator.startDate(withGrace, Enrolment.newPolicy(date("2024-06-20"))));
		assertEquals(date("2024-11-01"), calculator.startDate(withoutGrace, Enrolment.newPolicy(date("2024-06-20"))));
	}

	@Test
	void rule_decisions_3_cycleDatesAreTakenInTheYearOfTheEnrolDateLessGrace() {
		// 10 Jan 2025 - 3 months = 10 Oct 2024: cycles of 2024, so 1 Nov 2024
		ProductTerms product = DemoProducts.fixedCycleCoverUltha().gracePeriodEnrolmentMonths(3).build();

		assertEquals(date("2024-11-01"), calculator.startDate(product, Enrolment.newPolicy(date("2025-01-10"))));
	}

	@Test
	void rule_decisions_3_renewalUsesTheRenewalGracePeriod() {
		ProductTerms product = DemoProducts.fixedCycleCoverUltha()
				.gracePeriodEnrolmentMonths(0)
				.gracePeriodRenewalMonths(1)
				.build();

		assertEquals(date("2024-06-01"),
				calculator.startDate(product, Enrolment.renewal(date("2024-06-20"), date("2024-05-31"))));
		assertEquals(date("2024-11-01"), calculator.startDate(product, Enrolment.newPolicy(date("2024-06-20"))));
	}

	@Test
	void administrationPeriodIsAddedBeforeLookingForACycle() {
		// 15 May 2024 + 1 month = 15 Jun 2024, after the June cycle
		ProductTerms product = DemoProducts.fixedCycleCoverUltha().administrationPeriodMonths(1).build();

		assertEquals(date("2024-11-01"), calculator.startDate(product, Enrolment.newPolicy(date("2024-05-15"))));
	}

	@Test
	void lastDateForPaymentOnACycleProductIsStartPlusEnrolmentGraceLessOneDay() {
		ProductTerms product = DemoProducts.fixedCycleCoverUltha().gracePeriodEnrolmentMonths(1).build();

		PolicyDates dates = calculator.calculate(product, Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(date("2024-06-01"), dates.startDate());
		assertEquals(Optional.of(date("2024-06-30")), dates.lastDateForPayment());
	}

	@Test
	void lastDateForPaymentOfACycleRenewalUsesTheRenewalGrace() {
		// 20 May 2024 - 2 months = 20 Mar 2024, start 1 Jun 2024; 1 Jun + 2 months - 1 day = 31 Jul
		ProductTerms product = DemoProducts.fixedCycleCoverUltha()
				.gracePeriodEnrolmentMonths(1)
				.gracePeriodRenewalMonths(2)
				.build();

		PolicyDates dates = calculator.calculate(product, Enrolment.renewal(date("2024-05-20"), date("2024-05-31")));

		assertEquals(date("2024-06-01"), dates.startDate());
		assertEquals(Optional.of(date("2024-07-31")), dates.lastDateForPayment());
	}

	@Test
	void lastDateForPaymentOfAFreeCycleNewPolicyIsEnrolPlusPaymentGraceLessOneDay() {
		ProductTerms product = freeCycle().gracePeriodPaymentMonths(1).build();

		PolicyDates dates = calculator.calculate(product, Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(Optional.of(date("2024-04-14")), dates.lastDateForPayment());
	}

	@Test
	void freeCycleNewPolicyWithoutPaymentGraceHasNoLastDateForPayment() {
		PolicyDates dates = calculator.calculate(freeCycle().build(), Enrolment.newPolicy(date("2024-03-15")));

		assertEquals(Optional.empty(), dates.lastDateForPayment());
	}

	@Test
	void lastDateForPaymentOfAFreeCycleRenewalCountsFromThePreviousExpiry() {
		// 31 May 2024 + 1 day = 1 Jun, + 2 months = 1 Aug, - 1 day = 31 Jul
		ProductTerms product = freeCycle().gracePeriodPaymentMonths(2).build();

		PolicyDates dates = calculator.calculate(product, Enrolment.renewal(date("2024-05-20"), date("2024-05-31")));

		assertEquals(Optional.of(date("2024-07-31")), dates.lastDateForPayment());
	}

	@Test
	void aRenewalWithoutThePreviousExpiryIsRefused() {
		assertThrows(IllegalArgumentException.class,
				() -> new Enrolment(PolicyStage.RENEWAL, date("2024-05-20"), Optional.empty()));
	}

	@Test
	void aProductHasAtMostFourStartCycles() {
		assertThrows(IllegalArgumentException.class, () -> ProductTerms.builder()
				.startCycles(MonthDay.of(1, 1), MonthDay.of(3, 1), MonthDay.of(6, 1), MonthDay.of(9, 1), MonthDay.of(11, 1))
				.build());
	}
}
