package org.imisfhir.registry.product.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imisfhir.enrolment.rules.ProductTerms;
import org.imisfhir.enrolment.rules.ThresholdWithoutLumpSumRule;
import org.imisfhir.payment.rules.DistributionProblem;
import org.imisfhir.payment.rules.RelativeDistributionValidator;

/**
 * Refuses a contradictory product before it is saved. Each problem has its own code: a code
 * longer than 8 characters, a validity that ends before it starts, a threshold above the maximum
 * number of members (or, when the scheme says so, a threshold without a lump sum: rule-decisions 6),
 * an insurance period shorter than a month, a percentage above 100, capitation weights not adding
 * up to 100, more than 4 start cycles or one that is not a {@code dd-mm} date, a negative
 * number, a conversion product that is the product itself, and a relative-price distribution
 * missing a period, with an invalid share or (when the scheme requires it) not summing to 1.00
 * (rule-decisions 26, checked by {@link RelativeDistributionValidator}).
 */
public final class ProductConsistencyRule {

	public static final int MAX_CODE_LENGTH = 8;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	/** The capitation weights (percent): all 0, or adding up to 100 (as CapitationTerms). */
	static final List<String> WEIGHTS = List.of("weight_population", "weight_nb_families", "weight_insured_population",
			"weight_nb_insured_families", "weight_nb_visits", "weight_adjusted_amount");
	/** Numbers that are percentages, from 0 to 100. */
	static final List<String> PERCENTAGES = java.util.stream.Stream.concat(
			java.util.stream.Stream.of("enrolment_discount_perc", "renewal_discount_perc", "share_contribution"), WEIGHTS.stream()).toList();

	private static final List<String> VISIT_TYPES = List.of("E", "R", "O");

	private final RelativeDistributionValidator distributionValidator;
	private final ThresholdWithoutLumpSumRule thresholdWithoutLumpSum;

	public ProductConsistencyRule(
			RelativeDistributionValidator distributionValidator, ThresholdWithoutLumpSumRule thresholdWithoutLumpSum) {
		this.distributionValidator = distributionValidator;
		this.thresholdWithoutLumpSum = thresholdWithoutLumpSum;
	}

	public ProductConsistencyRule(RelativeDistributionValidator distributionValidator) {
		this(distributionValidator, ThresholdWithoutLumpSumRule.acceptingByDefault());
	}

	public ProductConsistencyRule() {
		this(new RelativeDistributionValidator());
	}

	/** Every problem found, in the order of the fields; empty for a consistent product. */
	public List<ProductProblem> check(ProductDefinition product) {
		List<ProductProblem> problems = new ArrayList<>();
		if (product.code() != null && product.code().length() > MAX_CODE_LENGTH) {
			problems.add(ProductProblem.of(ProductViolation.CODE_TOO_LONG, product.code(), MAX_CODE_LENGTH));
		}
		if (product.validFrom() != null && product.validTo() != null && product.validTo().isBefore(product.validFrom())) {
			problems.add(ProductProblem.of(ProductViolation.DATES_REVERSED, product.validTo().toString(), product.validFrom().toString()));
		}
		if (product.conversion() != null && product.selfReferences().contains(product.conversion())) {
			problems.add(ProductProblem.of(ProductViolation.CONVERSION_TO_ITSELF, product.conversion()));
		}
		if (product.value("insurance_period").compareTo(BigDecimal.ONE) < 0) {
			problems.add(ProductProblem.of(ProductViolation.INSURANCE_PERIOD_MISSING, product.value("insurance_period").toPlainString()));
		}
		checkStartCycles(product, problems);
		checkNumbers(product, problems);
		checkPercentages(product, problems);
		int threshold = product.count("threshold");
		int maxMembers = product.count("max_members");
		if (maxMembers > 0 && threshold > maxMembers) {
			problems.add(ProductProblem.of(ProductViolation.THRESHOLD_ABOVE_MAX_MEMBERS, threshold, maxMembers));
		}
		if (threshold > 0 && product.value("lump_sum").signum() >= 0) {
			ProductTerms pricing = ProductTerms.builder().threshold(threshold).lumpSum(product.value("lump_sum")).build();
			if (!thresholdWithoutLumpSum.accepts(pricing)) {
				problems.add(ProductProblem.of(ProductViolation.THRESHOLD_WITHOUT_LUMP_SUM, threshold));
			}
		}
		for (DistributionProblem problem : distributionValidator.validate(product.relativePricing())) {
			ProductViolation violation = switch (problem.kind()) {
				case MISSING_PERIOD -> ProductViolation.DISTRIBUTION_MISSING_PERIOD;
				case INVALID_SHARE -> ProductViolation.DISTRIBUTION_INVALID_SHARE;
				case SUM_NOT_ONE -> ProductViolation.DISTRIBUTION_SUM;
			};
			problems.add(ProductProblem.of(violation, problem.careType().code(), problem.periodType().code(), problem.message()));
		}
		return List.copyOf(problems);
	}

	private static void checkStartCycles(ProductDefinition product, List<ProductProblem> problems) {
		if (product.startCycles().size() > ProductTerms.MAX_START_CYCLES) {
			problems.add(ProductProblem.of(ProductViolation.TOO_MANY_START_CYCLES, product.startCycles().size(), ProductTerms.MAX_START_CYCLES));
		}
		for (String cycle : product.startCycles()) {
			if (StartCycle.parse(cycle).isEmpty()) {
				problems.add(ProductProblem.of(ProductViolation.INVALID_START_CYCLE, String.valueOf(cycle)));
			}
		}
		if (product.startCycles().stream().distinct().count() != product.startCycles().size()) {
			problems.add(ProductProblem.of(ProductViolation.INVALID_START_CYCLE, String.join(", ", product.startCycles())));
		}
	}

	private static void checkNumbers(ProductDefinition product, List<ProductProblem> problems) {
		product.values().forEach((column, value) -> refuseNegative(column, value, problems));
		for (CoveredBenefit benefit : product.benefits()) {
			for (Map.Entry<String, BigDecimal> limit : benefit.limits().entrySet()) {
				refuseNegative(limit.getKey() + " [" + benefit.code() + "]", limit.getValue(), problems);
			}
			checkGroup(benefit, problems);
		}
	}

	/** A benefit group's pattern must be a regular expression, and its visit types claim-visit-type codes. */
	private static void checkGroup(CoveredBenefit benefit, List<ProductProblem> problems) {
		if (benefit.codePattern()) {
			try {
				java.util.regex.Pattern.compile(benefit.code());
			} catch (java.util.regex.PatternSyntaxException e) {
				problems.add(ProductProblem.of(ProductViolation.BENEFIT_GROUP_INVALID, benefit.code(), e.getDescription()));
			}
		}
		for (String visitType : benefit.visitTypes()) {
			if (!VISIT_TYPES.contains(visitType)) {
				problems.add(ProductProblem.of(ProductViolation.BENEFIT_GROUP_INVALID, benefit.code(), "visitType " + visitType));
			}
		}
	}

	private static void checkPercentages(ProductDefinition product, List<ProductProblem> problems) {
		for (String column : PERCENTAGES) {
			if (product.value(column).compareTo(HUNDRED) > 0) {
				problems.add(ProductProblem.of(ProductViolation.PERCENTAGE_ABOVE_100, column, product.value(column).toPlainString()));
			}
		}
		BigDecimal weights = WEIGHTS.stream().map(product::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (weights.signum() != 0 && weights.compareTo(HUNDRED) != 0) {
			problems.add(ProductProblem.of(ProductViolation.CAPITATION_WEIGHTS, weights.toPlainString()));
		}
	}

	private static void refuseNegative(String field, BigDecimal value, List<ProductProblem> problems) {
		if (value.signum() < 0) {
			problems.add(ProductProblem.of(ProductViolation.NEGATIVE_AMOUNT, field, value.toPlainString()));
		}
	}
}
