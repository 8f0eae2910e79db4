package org.imisfhir.payment.rules;

import org.imisfhir.claim.rules.PriceOrigin;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.imisfhir.payment.rules.Amounts.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RemunerationCalculatorTest {

	private final RemunerationCalculator calculator = new RemunerationCalculator();

	private static BatchClaimLine line(PriceOrigin origin, String valuated) {
		return new BatchClaimLine(origin, true, amount(valuated));
	}

	private static BatchClaim claim(CareType careType, BatchClaimLine... lines) {
		return new BatchClaim("CL-1", "HF-1", new FacilityLevel("C", null), careType,
				LocalDateTime.of(2023, 2, 10, 9, 0), List.of(lines));
	}

	private static RelativeIndex index(CareType careType, String value) {
		return new RelativeIndex(careType, Period.month(2023, 2), amount(value));
	}

	@Test
	void relativeLinesArePaidTimesTheIndexOthersTheirValuatedAmount_ruleDecisions25() {
		// R 100.00 x 1.2345 = 123.45; P 50.00 -> 50.00; O 20.00 -> 20.00; claim 193.45.
		BatchClaim claim = claim(CareType.OUT_PATIENT,
				line(PriceOrigin.RELATIVE, "100.00"),
				line(PriceOrigin.PRICE_LIST, "50.00"),
				line(PriceOrigin.CLAIMED, "20.00"));

		ClaimRemuneration remuneration = calculator.remunerate(claim, amount("1.2345"));

		assertAmount("123.45", remuneration.lineAmounts().get(0));
		assertAmount("50.00", remuneration.lineAmounts().get(1));
		assertAmount("20.00", remuneration.lineAmounts().get(2));
		assertEquals(amount("193.45"), remuneration.total());
	}

	@Test
	void claimIsRoundedOnlyAtTheEnd_ruleDecisions8() {
		// Three R lines of 0.01 x 0.5 = 0.005 each; 0.015 -> 0.02 half-up
		// (rounding each line first would give 0.01 x 3 = 0.03).
		BatchClaim claim = claim(CareType.OUT_PATIENT,
				line(PriceOrigin.RELATIVE, "0.01"), line(PriceOrigin.RELATIVE, "0.01"), line(PriceOrigin.RELATIVE, "0.01"));

		assertEquals(amount("0.02"), calculator.remunerate(claim, amount("0.5")).total());
	}

	@Test
	void totalRoundsHalfUpToTheCent() {
		// 33.33 x 1.0333 = 34.439889 -> 34.44
		BatchClaim claim = claim(CareType.IN_PATIENT, line(PriceOrigin.RELATIVE, "33.33"));

		assertEquals(amount("34.44"), calculator.remunerate(claim, amount("1.0333")).total());
	}

	@Test
	void rejectedLinesAreNotPaid_ruleDecisions22() {
		// Rejected R 100 and P 40 pay 0; passed P 60 -> 60.00.
		BatchClaim claim = claim(CareType.OUT_PATIENT,
				new BatchClaimLine(PriceOrigin.RELATIVE, false, amount("100.00")),
				new BatchClaimLine(PriceOrigin.PRICE_LIST, false, amount("40.00")),
				line(PriceOrigin.PRICE_LIST, "60.00"));

		assertEquals(amount("60.00"), calculator.remunerate(claim, amount("2")).total());
	}

	@Test
	void eachCareTypeUsesItsOwnIndex_ruleDecisions25() {
		// In-patient index 2.0000: R 10.00 -> 20.00. Out-patient index 0.5000: R 10.00 -> 5.00.
		RelativeIndexes indexes = new RelativeIndexes(
				Map.of(CareType.IN_PATIENT, PeriodType.MONTH, CareType.OUT_PATIENT, PeriodType.MONTH),
				List.of(index(CareType.IN_PATIENT, "2.0000"), index(CareType.OUT_PATIENT, "0.5000")));

		assertEquals(amount("20.00"), calculator.remunerate(claim(CareType.IN_PATIENT, line(PriceOrigin.RELATIVE, "10.00")), indexes).orElseThrow().total());
		assertEquals(amount("5.00"), calculator.remunerate(claim(CareType.OUT_PATIENT, line(PriceOrigin.RELATIVE, "10.00")), indexes).orElseThrow().total());
	}

	@Test
	void sideWithoutRelativePricingIsPaidAtIndexOne() {
		// Only in-patient care is relative: an out-patient R line of 80.00 is paid 80.00.
		RelativeIndexes indexes = new RelativeIndexes(Map.of(CareType.IN_PATIENT, PeriodType.MONTH),
				List.of(index(CareType.IN_PATIENT, "2.0000")));

		assertEquals(amount("80.00"), calculator.remunerate(claim(CareType.OUT_PATIENT, line(PriceOrigin.RELATIVE, "80.00")), indexes).orElseThrow().total());
	}

	@Test
	void relativeClaimWaitsWhenItsIndexIsNotDue() {
		// Quarterly product, February run: no index yet. A claim with an R line waits; a claim
		// with only price-list lines is paid its valuated 75.50.
		RelativeIndexes february = new RelativeIndexes(Map.of(CareType.BOTH, PeriodType.QUARTER), List.of());

		assertTrue(calculator.remunerate(claim(CareType.OUT_PATIENT, line(PriceOrigin.RELATIVE, "10.00")), february).isEmpty());
		assertEquals(amount("75.50"), calculator.remunerate(claim(CareType.OUT_PATIENT, line(PriceOrigin.PRICE_LIST, "75.50")), february).orElseThrow().total());
	}
}
