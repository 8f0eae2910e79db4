package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A product's capitation terms, all in percent: share_contribution (part of the allocated money
 * paid by capitation) and the six weights, which must add up to 100. As on the legacy product
 * screen, when every weight is 0 the insured population takes the whole 100.
 */
public record CapitationTerms(
		BigDecimal shareContribution,
		BigDecimal weightPopulation,
		BigDecimal weightFamilies,
		BigDecimal weightInsuredPopulation,
		BigDecimal weightInsuredFamilies,
		BigDecimal weightVisits,
		BigDecimal weightAdjustedAmount) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public CapitationTerms {
		Stream.of(shareContribution, weightPopulation, weightFamilies, weightInsuredPopulation,
				weightInsuredFamilies, weightVisits, weightAdjustedAmount)
				.forEach(value -> {
					Objects.requireNonNull(value, "capitation terms");
					if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
						throw new IllegalArgumentException("a capitation percentage is from 0 to 100: " + value);
					}
				});
		BigDecimal sum = weightPopulation.add(weightFamilies).add(weightInsuredPopulation)
				.add(weightInsuredFamilies).add(weightVisits).add(weightAdjustedAmount);
		if (sum.signum() == 0) {
			weightInsuredPopulation = HUNDRED;
		} else if (sum.compareTo(HUNDRED) != 0) {
			throw new IllegalArgumentException("capitation weights must add up to 100, not " + sum.toPlainString());
		}
	}
}
