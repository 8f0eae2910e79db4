package org.imisfhir.payment.rules;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RelativeDistributionValidatorTest {

	private final RelativeDistributionValidator validator = new RelativeDistributionValidator();
	private final RelativeDistributionValidator summingValidator = new RelativeDistributionValidator(true);

	private static List<DistributionShare> shares(CareType careType, PeriodType type, String... values) {
		return IntStream.range(0, values.length)
				.mapToObj(i -> new DistributionShare(careType, type, i + 1, amount(values[i])))
				.toList();
	}

	private static String[] repeat(String value, int times) {
		return IntStream.range(0, times).mapToObj(i -> value).toArray(String[]::new);
	}

	@Test
	void monthlyProductWithTwelveSharesIsValid_ruleDecisions26() {
		RelativePricing pricing = RelativePricing.general(PeriodType.MONTH, shares(CareType.BOTH, PeriodType.MONTH, repeat("0.60", 12)));

		assertTrue(validator.isValid(pricing));
	}

	@Test
	void missingMonthIsReported_ruleDecisions26() {
		List<DistributionShare> withoutJuly = new ArrayList<>(shares(CareType.BOTH, PeriodType.MONTH, repeat("0.60", 12)));
		withoutJuly.removeIf(share -> share.period() == 7);

		List<DistributionProblem> problems = validator.validate(RelativePricing.general(PeriodType.MONTH, withoutJuly));

		assertEquals(1, problems.size());
		assertTrue(problems.get(0).message().contains("period 7"));
	}

	@Test
	void missingOutPatientQuartersAreReported_ruleDecisions26() {
		// In-patient has its 4 quarters; out-patient has none: 4 problems, all out-patient.
		RelativePricing pricing = RelativePricing.split(PeriodType.QUARTER, PeriodType.QUARTER,
				shares(CareType.IN_PATIENT, PeriodType.QUARTER, "0.5", "0.5", "0.5", "0.5"));

		List<DistributionProblem> problems = validator.validate(pricing);

		assertEquals(4, problems.size());
		assertTrue(problems.stream().allMatch(problem -> problem.careType() == CareType.OUT_PATIENT));
	}

	@Test
	void shareEnteredAsPercentIsRefused_ruleDecisions26() {
		// Shares are fractions: 60 is read as 6000 %, not 60 %.
		RelativePricing pricing = RelativePricing.general(PeriodType.YEAR, shares(CareType.BOTH, PeriodType.YEAR, "60"));

		List<DistributionProblem> problems = validator.validate(pricing);

		assertEquals(1, problems.size());
		assertTrue(problems.get(0).message().contains("not a fraction"));
	}

	@Test
	void quarterSharesMustSumToOneWhenRequired() {
		// 0.25 x 4 = 1.00 passes; 0.25 + 0.25 + 0.25 + 0.20 = 0.95 fails.
		RelativePricing even = RelativePricing.general(PeriodType.QUARTER, shares(CareType.BOTH, PeriodType.QUARTER, "0.25", "0.25", "0.25", "0.25"));
		RelativePricing short5 = RelativePricing.general(PeriodType.QUARTER, shares(CareType.BOTH, PeriodType.QUARTER, "0.25", "0.25", "0.25", "0.20"));

		assertTrue(summingValidator.isValid(even));
		List<DistributionProblem> problems = summingValidator.validate(short5);
		assertEquals(1, problems.size());
		assertTrue(problems.get(0).message().contains("sum to 0.95"));
	}

	@Test
	void sumIsNotRequiredByDefault() {
		// 0.60 for each of 12 months sums to 7.20: accepted unless the scheme requires a sum of 1.00.
		RelativePricing pricing = RelativePricing.general(PeriodType.MONTH, shares(CareType.BOTH, PeriodType.MONTH, repeat("0.60", 12)));

		assertTrue(validator.isValid(pricing));
		assertEquals(1, summingValidator.validate(pricing).size());
	}

	@Test
	void productWithoutRelativePricingNeedsNoDistribution() {
		assertTrue(validator.isValid(RelativePricing.NONE));
		assertTrue(summingValidator.isValid(RelativePricing.NONE));
	}

	@Test
	void generalPeriodMakesInAndOutPatientPeriodsUnused() {
		// General yearly index plus an in-patient monthly period: only the B year share is needed.
		RelativePricing pricing = new RelativePricing(PeriodType.YEAR, PeriodType.MONTH, null,
				shares(CareType.BOTH, PeriodType.YEAR, "1.00"));

		assertTrue(validator.isValid(pricing));
	}
}
