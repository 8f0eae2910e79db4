package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relative index of a product (rule-decisions 25): allocated contributions of the period x the
 * distribution share / the valuated amounts of the passed R-priced lines of claims processed in
 * the period. Claims of facilities at the product's capitation levels are left out (rule-decisions
 * 28). With no such lines (or a zero sum) the index is 1. The index is rounded HALF_UP to 4
 * decimals once, after the division.
 */
public final class RelativeIndexCalculator {

	public static final int INDEX_SCALE = 4;

	private final ContributionAllocator allocator;

	public RelativeIndexCalculator(ContributionAllocator allocator) {
		this.allocator = allocator;
	}

	public RelativeIndexCalculator() {
		this(new ContributionAllocator());
	}

	/** Every index of the product whose period closes in this run. */
	public RelativeIndexes calculate(
			RelativePricing pricing,
			CapitationLevels capitationLevels,
			BatchPeriod run,
			Collection<PolicyContribution> contributions,
			Collection<BatchClaim> claims) {
		Map<CareType, PeriodType> sides = pricing.sides();
		List<RelativeIndex> computed = new ArrayList<>();
		sides.forEach((side, type) -> run.periodOf(type).ifPresent(period ->
				computed.add(index(pricing, capitationLevels, side, period, contributions, claims))));
		return new RelativeIndexes(sides, computed);
	}

	public RelativeIndex index(
			RelativePricing pricing,
			CapitationLevels capitationLevels,
			CareType side,
			Period period,
			Collection<PolicyContribution> contributions,
			Collection<BatchClaim> claims) {
		Optional<BigDecimal> share = pricing.shareFor(side, period);
		if (share.isEmpty()) {
			throw new IllegalStateException("no distribution share for " + side + " " + period
					+ ": the product's relative pricing is invalid (rule-decisions 26)");
		}
		BigDecimal relativeAmounts = relativePricedAmounts(capitationLevels, side, period, claims);
		if (relativeAmounts.signum() == 0) {
			return new RelativeIndex(side, period, BigDecimal.ONE.setScale(INDEX_SCALE));
		}
		BigDecimal available = allocator.allocateAll(contributions, period).multiply(share.get());
		return new RelativeIndex(side, period, available.divide(relativeAmounts, INDEX_SCALE, RoundingMode.HALF_UP));
	}

	BigDecimal relativePricedAmounts(CapitationLevels capitationLevels, CareType side, Period period, Collection<BatchClaim> claims) {
		return claims.stream()
				.filter(claim -> period.contains(claim.processedAt()))
				.filter(claim -> side == CareType.BOTH || claim.careType() == side)
				.filter(claim -> !capitationLevels.covers(claim.facilityLevel()))
				.flatMap(claim -> claim.lines().stream())
				.filter(BatchClaimLine::isPassedRelative)
				.map(BatchClaimLine::valuatedAmount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
