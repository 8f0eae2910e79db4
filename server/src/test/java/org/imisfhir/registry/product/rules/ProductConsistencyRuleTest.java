package org.imisfhir.registry.product.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.IntStream;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.DistributionShare;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.payment.rules.RelativeDistributionValidator;
import org.imisfhir.payment.rules.RelativePricing;
import org.junit.jupiter.api.Test;

class ProductConsistencyRuleTest {

	private final ProductConsistencyRule rule = new ProductConsistencyRule();

	/** FCUL0001 as on the openIMIS demo server: 12 months, cycles 01-06 and 01-11, 4000 a member. */
	private static ProductDefinition.Builder fixedCycle() {
		return ProductDefinition.builder()
				.code("FCUL0001")
				.name("Fixed Cycle Cover Ultha")
				.selfReference("FCUL0001")
				.selfReference("InsurancePlan/prod-fcul0001")
				.validity(LocalDate.of(2019, 1, 1), LocalDate.of(2030, 12, 31))
				.startCycle("01-06")
				.startCycle("01-11")
				.value("insurance_period", "12")
				.value("lump_sum", "10000")
				.value("threshold", "4")
				.value("max_members", "10")
				.value("premium_adult", "4000")
				.value("premium_child", "4000")
				.value("max_policy", "300000");
	}

	private List<ProductViolation> violations(ProductDefinition product) {
		return rule.check(product).stream().map(ProductProblem::violation).toList();
	}

	@Test
	void consistentProductPassesAndGivesItsEnrolmentTerms() {
		ProductDefinition product = fixedCycle().build();

		assertThat(rule.check(product)).isEmpty();
		assertThat(product.enrolmentTerms().startCycles()).containsExactly(MonthDay.of(6, 1), MonthDay.of(11, 1));
		assertThat(product.enrolmentTerms().premiumAdult()).isEqualByComparingTo("4000");
		assertThat(product.enrolmentTerms().threshold()).isEqualTo(4);
	}

	@Test
	void validityEndingTheDayBeforeItStartsIsRefused() {
		ProductDefinition product = fixedCycle().validity(LocalDate.of(2019, 1, 1), LocalDate.of(2018, 12, 31)).build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.DATES_REVERSED, "2018-12-31", "2019-01-01"));
	}

	@Test
	void validityOfOneDayIsAccepted() {
		ProductDefinition product = fixedCycle().validity(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 1)).build();

		assertThat(rule.check(product)).isEmpty();
	}

	@Test
	void thresholdAboveMaxMembersIsRefusedButEqualIsAccepted() {
		// threshold 11 > max members 10: refused; 10 = 10: accepted; max members 0 means no maximum
		assertThat(rule.check(fixedCycle().value("threshold", "11").build()))
				.containsExactly(ProductProblem.of(ProductViolation.THRESHOLD_ABOVE_MAX_MEMBERS, 11, 10));
		assertThat(rule.check(fixedCycle().value("threshold", "10").build())).isEmpty();
		assertThat(rule.check(fixedCycle().value("threshold", "11").value("max_members", "0").build())).isEmpty();
	}

	@Test
	void thresholdWithoutLumpSumIsRefusedOnlyWhenTheSchemeSaysSo_ruleDecision6() {
		ProductDefinition product = fixedCycle().value("lump_sum", "0").build();
		ProductConsistencyRule refusing = new ProductConsistencyRule(new RelativeDistributionValidator(),
				new org.imisfhir.enrolment.rules.ThresholdWithoutLumpSumRule(true));

		assertThat(rule.check(product)).isEmpty();
		assertThat(refusing.check(product)).containsExactly(ProductProblem.of(ProductViolation.THRESHOLD_WITHOUT_LUMP_SUM, 4));
		assertThat(refusing.check(fixedCycle().build())).isEmpty();
	}

	@Test
	void productWithoutInsurancePeriodIsRefused() {
		ProductDefinition product = fixedCycle().value("insurance_period", "0").build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.INSURANCE_PERIOD_MISSING, "0"));
	}

	@Test
	void fiveStartCyclesAreRefused() {
		ProductDefinition product = fixedCycle().startCycle("01-01").startCycle("01-02").startCycle("01-03").build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.TOO_MANY_START_CYCLES, 5, 4));
	}

	@Test
	void startCycleThatIsNoDateIsRefused() {
		assertThat(violations(fixedCycle().startCycle("31-02").build())).containsExactly(ProductViolation.INVALID_START_CYCLE);
		assertThat(violations(fixedCycle().startCycle("1-3").build())).containsExactly(ProductViolation.INVALID_START_CYCLE);
		assertThat(violations(fixedCycle().startCycle("01-13").build())).containsExactly(ProductViolation.INVALID_START_CYCLE);
		assertThat(violations(fixedCycle().startCycle("01-06").build())).containsExactly(ProductViolation.INVALID_START_CYCLE);
		assertThat(violations(fixedCycle().startCycle("29-02").build())).isEmpty();
	}

	@Test
	void negativeAmountIsRefusedWithItsField() {
		ProductDefinition product = fixedCycle().value("ded_treatment_ip", "-0.01").build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.NEGATIVE_AMOUNT, "ded_treatment_ip", "-0.01"));
	}

	@Test
	void negativeBenefitLimitIsRefusedWithTheServiceCode() {
		CoveredBenefit consultation = new CoveredBenefit(CoveredBenefit.Kind.SERVICE, "C1", "P", "F", "F", "F", null, null,
				java.util.Map.of("limit-adult", new BigDecimal("-100")));

		assertThat(rule.check(fixedCycle().benefit(consultation).build()))
				.containsExactly(ProductProblem.of(ProductViolation.NEGATIVE_AMOUNT, "limit-adult [C1]", "-100"));
	}

	@Test
	void benefitGroupNeedsARegularExpressionAndKnownVisitTypes() {
		// "TR[0-9" lacks its closing bracket; "X" is no claim visit type (E, R, O)
		CoveredBenefit broken = new CoveredBenefit(CoveredBenefit.Kind.SERVICE, "TR[0-9", "P", "C", null, null, null, null,
				java.util.Map.of(), true, java.util.List.of("R"));
		CoveredBenefit unknownVisit = new CoveredBenefit(CoveredBenefit.Kind.SERVICE, "TR[0-9]{4,}", "P", "C", null, null, null, null,
				java.util.Map.of(), true, java.util.List.of("R", "X"));

		assertThat(rule.check(fixedCycle().benefit(broken).benefit(unknownVisit).build()))
				.extracting(ProductProblem::violation, p -> p.arguments().get(0))
				.containsExactly(org.assertj.core.groups.Tuple.tuple(ProductViolation.BENEFIT_GROUP_INVALID, "TR[0-9"),
						org.assertj.core.groups.Tuple.tuple(ProductViolation.BENEFIT_GROUP_INVALID, "TR[0-9]{4,}"));
	}

	@Test
	void percentageAbove100IsRefused() {
		ProductDefinition product = fixedCycle().value("renewal_discount_perc", "100.5").value("renewal_discount_period", "1").build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.PERCENTAGE_ABOVE_100, "renewal_discount_perc", "100.5"));
	}

	@Test
	void capitationWeightsMustAddUpTo100OrAllBeZero() {
		// 50 + 40 = 90: refused; 50 + 50 = 100: accepted, and the batch run gets the same weights
		ProductDefinition ninety = fixedCycle().value("weight_population", "50").value("weight_nb_visits", "40").build();
		ProductDefinition hundred = fixedCycle().value("share_contribution", "20")
				.value("weight_population", "50").value("weight_nb_visits", "50").build();

		assertThat(rule.check(ninety)).containsExactly(ProductProblem.of(ProductViolation.CAPITATION_WEIGHTS, "90"));
		assertThat(rule.check(hundred)).isEmpty();
		assertThat(hundred.capitationTerms().weightVisits()).isEqualByComparingTo("50");
		assertThat(fixedCycle().build().capitationTerms().weightInsuredPopulation()).isEqualByComparingTo("100");
	}

	@Test
	void codeOfNineCharactersIsRefused() {
		assertThat(rule.check(fixedCycle().code("FCUL00011").build()))
				.containsExactly(ProductProblem.of(ProductViolation.CODE_TOO_LONG, "FCUL00011", 8));
	}

	@Test
	void conversionToItselfIsRefusedByCodeOrById() {
		assertThat(violations(fixedCycle().conversion("FCUL0001").build())).containsExactly(ProductViolation.CONVERSION_TO_ITSELF);
		assertThat(violations(fixedCycle().conversion("InsurancePlan/prod-fcul0001").build())).containsExactly(ProductViolation.CONVERSION_TO_ITSELF);
		assertThat(violations(fixedCycle().conversion("FCUL0002").build())).isEmpty();
	}

	@Test
	void monthlyDistributionMissingDecemberIsRefused_ruleDecision26() {
		List<DistributionShare> elevenMonths = IntStream.rangeClosed(1, 11)
				.mapToObj(month -> new DistributionShare(CareType.BOTH, PeriodType.MONTH, month, new BigDecimal("0.60")))
				.toList();
		ProductDefinition product = fixedCycle().relativePricing(RelativePricing.general(PeriodType.MONTH, elevenMonths)).build();

		assertThat(rule.check(product)).containsExactly(ProductProblem.of(ProductViolation.DISTRIBUTION_MISSING_PERIOD,
				"B", "M", "no share for M period 12 of care type B"));
	}

	@Test
	void quarterlyDistributionNotSummingToOneIsRefusedOnlyWhenTheSchemeRequiresIt() {
		// 0.25 + 0.25 + 0.25 + 0.20 = 0.95
		List<DistributionShare> quarters = List.of(
				new DistributionShare(CareType.IN_PATIENT, PeriodType.QUARTER, 1, new BigDecimal("0.25")),
				new DistributionShare(CareType.IN_PATIENT, PeriodType.QUARTER, 2, new BigDecimal("0.25")),
				new DistributionShare(CareType.IN_PATIENT, PeriodType.QUARTER, 3, new BigDecimal("0.25")),
				new DistributionShare(CareType.IN_PATIENT, PeriodType.QUARTER, 4, new BigDecimal("0.20")));
		ProductDefinition product = fixedCycle().relativePricing(RelativePricing.split(PeriodType.QUARTER, null, quarters)).build();
		ProductConsistencyRule strict = new ProductConsistencyRule(new RelativeDistributionValidator(true));

		assertThat(rule.check(product)).isEmpty();
		assertThat(strict.check(product)).containsExactly(ProductProblem.of(ProductViolation.DISTRIBUTION_SUM,
				"I", "Q", "shares of care type I sum to 0.95, not 1.00"));
	}

	@Test
	void shareAboveOneIsRefused() {
		List<DistributionShare> year = List.of(new DistributionShare(CareType.BOTH, PeriodType.YEAR, 1, new BigDecimal("1.5")));
		ProductDefinition product = fixedCycle().relativePricing(RelativePricing.general(PeriodType.YEAR, year)).build();

		assertThat(violations(product)).containsExactly(ProductViolation.DISTRIBUTION_INVALID_SHARE);
	}

	@Test
	void everyViolationHasAnEnglishAndAFrenchText() {
		for (ProductViolation violation : ProductViolation.values()) {
			assertThat(org.imisfhir.outcome.Messages.text(violation.messageKey(), org.imisfhir.outcome.Messages.ENGLISH, "x", "y", "z"))
					.isNotEqualTo(violation.messageKey());
			assertThat(org.imisfhir.outcome.Messages.text(violation.messageKey(), org.imisfhir.outcome.Messages.FRENCH, "x", "y", "z"))
					.isNotEqualTo(org.imisfhir.outcome.Messages.text(violation.messageKey(), org.imisfhir.outcome.Messages.ENGLISH, "x", "y", "z"));
		}
	}
}
