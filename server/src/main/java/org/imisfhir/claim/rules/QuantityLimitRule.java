package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The maximum quantity of an item or service per policy period, counting what earlier claims
 * used in the insuree's period on the policy. When part of the maximum remains the quantity is
 * cut to it; when nothing remains the line fails (rule-decisions 13).
 */
public final class QuantityLimitRule {

	/** The quantity the line may keep, or empty when nothing remains. */
	public Optional<BigDecimal> allowedQuantity(Candidate candidate, BigDecimal requested, boolean adult, List<EarlierLine> earlierLines) {
		Integer maximum = candidate.coverage().maxQuantity(adult);
		if (maximum == null) {
			return Optional.of(requested);
		}
		BigDecimal used = earlierLines.stream()
				.filter(earlier -> earlier.ref().equals(candidate.coverage().ref()))
				.filter(earlier -> candidate.policy().periodContains(earlier.targetDate()))
				.map(EarlierLine::quantity)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal remaining = BigDecimal.valueOf(maximum).subtract(used);
		if (remaining.signum() <= 0) {
			return Optional.empty();
		}
		return Optional.of(requested.min(remaining));
	}
}
