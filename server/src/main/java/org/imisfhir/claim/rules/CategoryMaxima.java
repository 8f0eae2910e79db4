package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A product's maximum number of claims per category in a policy period (absent means no maximum,
 * 0 means none allowed) and maximum amount per claim category (absent means no cap).
 */
public record CategoryMaxima(Map<ServiceCategory, Integer> counts, Map<ServiceCategory, BigDecimal> amounts) {

	public static final CategoryMaxima NONE = new CategoryMaxima(Map.of(), Map.of());

	public CategoryMaxima {
		counts = Map.copyOf(counts);
		amounts = Map.copyOf(amounts);
	}

	public Optional<Integer> maxCount(ServiceCategory category) {
		return Optional.ofNullable(counts.get(category));
	}

	public Optional<BigDecimal> maxAmount(ServiceCategory category) {
		return Optional.ofNullable(amounts.get(category)).filter(LevelAmounts::isSet);
	}
}
