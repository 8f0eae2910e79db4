package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Checks a product's relative-price distribution before it is saved (rule-decisions 26): each
 * care type the product prices relatively needs one share for every period of the year of its
 * period type (12 months, 4 quarters or the year), and a share is a fraction from 0 to 1.00.
 *
 * <p>Shares summing to 1.00 over the periods of a year is checked only when the scheme asks for
 * it. The index applies a share to the contributions allocated to that one period, so a share is
 * the part of that period's money for relative-priced care and shares of different periods are
 * independent; shares summing to 1.00 fits a scheme that reads the distribution as splitting a
 * year's money over its periods, so it is an option, off by default.
 */
public final class RelativeDistributionValidator {

	private final boolean sharesMustSumToOneOverYear;

	public RelativeDistributionValidator(boolean sharesMustSumToOneOverYear) {
		this.sharesMustSumToOneOverYear = sharesMustSumToOneOverYear;
	}

	public RelativeDistributionValidator() {
		this(false);
	}

	public List<DistributionProblem> validate(RelativePricing pricing) {
		List<DistributionProblem> problems = new ArrayList<>();
		pricing.sides().forEach((side, type) -> validateSide(pricing, side, type, problems));
		return List.copyOf(problems);
	}

	public boolean isValid(RelativePricing pricing) {
		return validate(pricing).isEmpty();
	}

	private void validateSide(RelativePricing pricing, CareType side, PeriodType type, List<DistributionProblem> problems) {
		List<DistributionShare> shares = pricing.distribution().stream()
				.filter(share -> share.careType() == side && share.periodType() == type)
				.toList();
		IntStream.rangeClosed(1, type.periodsPerYear())
				.filter(period -> shares.stream().noneMatch(share -> share.period() == period))
				.forEach(period -> problems.add(new DistributionProblem(DistributionProblem.Kind.MISSING_PERIOD, side, type,
						"no share for " + type.code() + " period " + period + " of care type " + side.code())));
		for (DistributionShare share : shares) {
			if (share.period() < 1 || share.period() > type.periodsPerYear()) {
				problems.add(new DistributionProblem(DistributionProblem.Kind.INVALID_SHARE, side, type, "period " + share.period() + " does not exist for " + type.code()));
			}
			if (share.share().signum() < 0 || share.share().compareTo(BigDecimal.ONE) > 0) {
				problems.add(new DistributionProblem(DistributionProblem.Kind.INVALID_SHARE, side, type,
						"share " + share.share().toPlainString() + " for period " + share.period() + " is not a fraction from 0 to 1.00"));
			}
		}
		if (sharesMustSumToOneOverYear) {
			BigDecimal sum = shares.stream().map(DistributionShare::share).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(BigDecimal.ONE) != 0) {
				problems.add(new DistributionProblem(DistributionProblem.Kind.SUM_NOT_ONE, side, type,
						"shares of care type " + side.code() + " sum to " + sum.toPlainString() + ", not 1.00"));
			}
		}
	}
}
