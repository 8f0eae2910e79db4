package org.imisfhir.payment.rules;

import org.imisfhir.claim.rules.PriceOrigin;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.imisfhir.payment.rules.Amounts.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RelativeIndexCalculatorTest {

	private static final FacilityLevel HEALTH_CENTRE = new FacilityLevel("C", "N");
	private static final FacilityLevel DISPENSARY = new FacilityLevel("D", "I");

	/** 36500.00 over 2023 (365 days) = 100.00 a day: January 3100, Q1 9000, the year 36500. */
	private static final List<PolicyContribution> CONTRIBUTIONS = List.of(
			new PolicyContribution(amount("36500.00"), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));

	private final RelativeIndexCalculator calculator = new RelativeIndexCalculator();

	private static BatchClaimLine relative(String valuated) {
		return new BatchClaimLine(PriceOrigin.RELATIVE, true, amount(valuated));
	}

	private static BatchClaim claim(CareType careType, FacilityLevel level, LocalDateTime processed, BatchClaimLine... lines) {
		return new BatchClaim("CL" + processed, "HF-" + level.level(), level, careType, processed, List.of(lines));
	}

	private static BatchClaim januaryClaim(CareType careType, BatchClaimLine... lines) {
		return claim(careType, HEALTH_CENTRE, LocalDateTime.of(2023, 1, 15, 10, 0), lines);
	}

	private static DistributionShare share(CareType careType, PeriodType type, int period, String share) {
		return new DistributionShare(careType, type, period, amount(share));
	}

	private static RelativePricing monthlyForBoth(String januaryShare) {
		return RelativePricing.general(PeriodType.MONTH, List.of(share(CareType.BOTH, PeriodType.MONTH, 1, januaryShare)));
	}

	private RelativeIndexes januaryRun(RelativePricing pricing, CapitationLevels levels, List<BatchClaim> claims) {
		return calculator.calculate(pricing, levels, new BatchPeriod(2023, 1), CONTRIBUTIONS, claims);
	}

	@Test
	void monthlyIndexForBothCareTypes_ruleDecisions25() {
		// 3100 allocated x 0.60 = 1860; R lines 1000 + 500 = 1500 (the P line does not count).
		// 1860 / 1500 = 1.24 -> 1.2400
		List<BatchClaim> claims = List.of(
				januaryClaim(CareType.OUT_PATIENT, relative("1000.00")),
				januaryClaim(CareType.IN_PATIENT, relative("500.00"),
						new BatchClaimLine(PriceOrigin.PRICE_LIST, true, amount("300.00"))));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.NONE, claims);

		assertEquals(1, indexes.computed().size());
		assertEquals(amount("1.2400"), indexes.computed().get(0).value());
		assertAmount("1.24", indexes.indexFor(CareType.IN_PATIENT).orElseThrow());
		assertAmount("1.24", indexes.indexFor(CareType.OUT_PATIENT).orElseThrow());
	}

	@Test
	void noClaimsInThePeriodGivesIndexOne_ruleDecisions25() {
		// The only claim was processed in February: nothing to share in January -> 1.
		List<BatchClaim> claims = List.of(
				claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 2, 1, 8, 0), relative("1000.00")));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.NONE, claims);

		assertEquals(amount("1.0000"), indexes.computed().get(0).value());
	}

	@Test
	void indexIsTruncatedToFourDecimals_ruleDecisions25() {
		// 3100 x 1.00 / 3000 = 1.0333333... -> 1.0333
		List<BatchClaim> claims = List.of(januaryClaim(CareType.OUT_PATIENT, relative("3000.00")));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("1.00"), CapitationLevels.NONE, claims);

		assertEquals(amount("1.0333"), indexes.computed().get(0).value());
	}

	@Test
	void fifthDecimalFiveRoundsHalfUp_ruleDecisions25() {
		// A one-day policy on 15 Jan paid 1000.00 allocates 1000 to January.
		// 1000 x 1.00 / 32000 = 0.03125 exactly -> HALF_UP 0.0313 (HALF_EVEN would give 0.0312).
		List<PolicyContribution> oneDay = List.of(
				new PolicyContribution(amount("1000.00"), LocalDate.of(2023, 1, 15), LocalDate.of(2023, 1, 15)));
		List<BatchClaim> claims = List.of(januaryClaim(CareType.OUT_PATIENT, relative("32000.00")));

		RelativeIndexes indexes = calculator.calculate(monthlyForBoth("1.00"), CapitationLevels.NONE,
				new BatchPeriod(2023, 1), oneDay, claims);

		assertEquals(amount("0.0313"), indexes.computed().get(0).value());
	}

	@Test
	void claimsAtCapitationLevelsAreLeftOut_ruleDecisions28() {
		// Dispensaries are paid by capitation: their 550 is left out.
		// 1860 / 1000 = 1.86 (it would be 1860 / 1550 = 1.2 with them).
		List<BatchClaim> claims = List.of(
				januaryClaim(CareType.OUT_PATIENT, relative("1000.00")),
				claim(CareType.OUT_PATIENT, DISPENSARY, LocalDateTime.of(2023, 1, 20, 9, 0), relative("550.00")));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.of(new FacilityLevel("D", null)), claims);

		assertEquals(amount("1.8600"), indexes.computed().get(0).value());
	}

	@Test
	void capitationSublevelExcludesOnlyThatSublevel_ruleDecisions28() {
		// Level H sublevel R is capitated: its 600 is left out; the H/N hospital's 1240 counts.
		// 1860 / 1240 = 1.5
		List<BatchClaim> claims = List.of(
				claim(CareType.IN_PATIENT, new FacilityLevel("H", "R"), LocalDateTime.of(2023, 1, 3, 9, 0), relative("600.00")),
				claim(CareType.IN_PATIENT, new FacilityLevel("H", "N"), LocalDateTime.of(2023, 1, 4, 9, 0), relative("1240.00")));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.of(new FacilityLevel("H", "R")), claims);

		assertEquals(amount("1.5000"), indexes.computed().get(0).value());
	}

	@Test
	void inPatientAndOutPatientIndexesAreSeparate_ruleDecisions25() {
		// In-patient: 3100 x 0.40 = 1240 / 620 = 2.0000. Out-patient: 3100 x 0.30 = 930 / 1860 = 0.5000.
		RelativePricing pricing = RelativePricing.split(PeriodType.MONTH, PeriodType.MONTH, List.of(
				share(CareType.IN_PATIENT, PeriodType.MONTH, 1, "0.40"),
				share(CareType.OUT_PATIENT, PeriodType.MONTH, 1, "0.30")));
		List<BatchClaim> claims = List.of(
				januaryClaim(CareType.IN_PATIENT, relative("620.00")),
				januaryClaim(CareType.OUT_PATIENT, relative("1000.00"), relative("860.00")));

		RelativeIndexes indexes = januaryRun(pricing, CapitationLevels.NONE, claims);

		assertEquals(amount("2.0000"), indexes.indexFor(CareType.IN_PATIENT).orElseThrow());
		assertEquals(amount("0.5000"), indexes.indexFor(CareType.OUT_PATIENT).orElseThrow());
	}

	@Test
	void missingSideGetsIndexOne() {
		// Only in-patient care is relatively priced: 1240 / 620 = 2.0000; the out-patient 1000 is
		// not in that sum (else 1240 / 1620), and out-patient claims get 1.
		RelativePricing pricing = RelativePricing.split(PeriodType.MONTH, null,
				List.of(share(CareType.IN_PATIENT, PeriodType.MONTH, 1, "0.40")));
		List<BatchClaim> claims = List.of(
				januaryClaim(CareType.IN_PATIENT, relative("620.00")),
				januaryClaim(CareType.OUT_PATIENT, relative("1000.00")));

		RelativeIndexes indexes = januaryRun(pricing, CapitationLevels.NONE, claims);

		assertEquals(amount("2.0000"), indexes.indexFor(CareType.IN_PATIENT).orElseThrow());
		assertEquals(BigDecimal.ONE, indexes.indexFor(CareType.OUT_PATIENT).orElseThrow());
	}

	@Test
	void quarterlyIndexWaitsForTheQuarterEnd() {
		// February run: no quarterly index yet, claims wait.
		// March run: Q1 allocated 9000 x 0.50 = 4500; R lines Jan 1000 + Feb 1000 + Mar 1000 = 3000
		// (December and April claims are outside Q1) -> 1.5000
		RelativePricing pricing = RelativePricing.general(PeriodType.QUARTER,
				List.of(share(CareType.BOTH, PeriodType.QUARTER, 1, "0.50")));
		List<BatchClaim> claims = new ArrayList<>();
		for (int month : new int[] {1, 2, 3}) {
			claims.add(claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, month, 10, 9, 0), relative("1000.00")));
		}
		claims.add(claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2022, 12, 31, 9, 0), relative("1000.00")));
		claims.add(claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 4, 1, 0, 0), relative("1000.00")));

		RelativeIndexes february = calculator.calculate(pricing, CapitationLevels.NONE, new BatchPeriod(2023, 2), CONTRIBUTIONS, claims);
		RelativeIndexes march = calculator.calculate(pricing, CapitationLevels.NONE, new BatchPeriod(2023, 3), CONTRIBUTIONS, claims);

		assertTrue(february.computed().isEmpty());
		assertTrue(february.indexFor(CareType.OUT_PATIENT).isEmpty());
		assertEquals(Period.quarter(2023, 1), march.computed().get(0).period());
		assertEquals(amount("1.5000"), march.indexFor(CareType.OUT_PATIENT).orElseThrow());
	}

	@Test
	void yearlyIndexInDecemberCountsTheLastMinuteOfTheYear_ruleDecisions27() {
		// 36500 x 0.20 = 7300; R lines 2000 (March) + 3000 (November) + 4300 (31 Dec 23:59:59) = 9300.
		// 7300 / 9300 = 0.784946... -> 0.7849 (without the 31 Dec claim: 7300 / 5000 = 1.46).
		RelativePricing pricing = RelativePricing.general(PeriodType.YEAR,
				List.of(share(CareType.BOTH, PeriodType.YEAR, 1, "0.20")));
		List<BatchClaim> claims = List.of(
				claim(CareType.IN_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 3, 5, 9, 0), relative("2000.00")),
				claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 11, 5, 9, 0), relative("3000.00")),
				claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 12, 31, 23, 59, 59), relative("4300.00")));

		RelativeIndexes november = calculator.calculate(pricing, CapitationLevels.NONE, new BatchPeriod(2023, 11), CONTRIBUTIONS, claims);
		RelativeIndexes december = calculator.calculate(pricing, CapitationLevels.NONE, new BatchPeriod(2023, 12), CONTRIBUTIONS, claims);

		assertTrue(november.computed().isEmpty());
		assertEquals(amount("0.7849"), december.indexFor(CareType.IN_PATIENT).orElseThrow());
	}

	@Test
	void onlyPassedRelativePricedLinesCount_ruleDecisions25() {
		// Counted: the passed R line 1000. Not counted: rejected R 5000, P 9000, own price O 700.
		// 1860 / 1000 = 1.8600
		List<BatchClaim> claims = List.of(januaryClaim(CareType.OUT_PATIENT,
				relative("1000.00"),
				new BatchClaimLine(PriceOrigin.RELATIVE, false, amount("5000.00")),
				new BatchClaimLine(PriceOrigin.PRICE_LIST, true, amount("9000.00")),
				new BatchClaimLine(PriceOrigin.CLAIMED, true, amount("700.00"))));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.NONE, claims);

		assertEquals(amount("1.8600"), indexes.computed().get(0).value());
	}

	@Test
	void claimProcessedLateOnTheLastDayIsInTheMonth_ruleDecisions27() {
		// 31 Jan 23:59:59 counts, 1 Feb 00:00 does not: 1860 / 1550 = 1.2000 (not 1860 / 3100 = 0.6).
		List<BatchClaim> claims = List.of(
				claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 1, 31, 23, 59, 59), relative("1550.00")),
				claim(CareType.OUT_PATIENT, HEALTH_CENTRE, LocalDateTime.of(2023, 2, 1, 0, 0), relative("1550.00")));

		RelativeIndexes indexes = januaryRun(monthlyForBoth("0.60"), CapitationLevels.NONE, claims);

		assertEquals(amount("1.2000"), indexes.computed().get(0).value());
	}

	@Test
	void missingDistributionShareIsRefused_ruleDecisions26() {
		RelativePricing withoutShares = RelativePricing.general(PeriodType.MONTH, List.of());
		List<BatchClaim> claims = List.of(januaryClaim(CareType.OUT_PATIENT, relative("1000.00")));

		IllegalStateException refused = assertThrows(IllegalStateException.class,
				() -> januaryRun(withoutShares, CapitationLevels.NONE, claims));
		assertTrue(refused.getMessage().contains("rule-decisions 26"));
	}
}
