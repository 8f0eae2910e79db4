package org.imisfhir.registry.product.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How a product covers one medical service or item (openIMIS ProductService / ProductItem), as
 * written on the product: the codes are those of the terminology (price origin P/O/R, limitation
 * F/C, ceiling exclusion H/N/B; null when absent) and {@code limits} holds the numbers by the code
 * of product-benefit-limit (limit-adult, waiting-period-child, max-quantity-adult, ...).
 */
public record CoveredBenefit(
		Kind kind,
		String code,
		String priceOrigin,
		String limitationType,
		String limitationTypeReferral,
		String limitationTypeEmergency,
		String ceilingExclusionAdult,
		String ceilingExclusionChild,
		Map<String, BigDecimal> limits) {

	/** A medical service (ActivityDefinition) or item (Medication). */
	public enum Kind {
		SERVICE,
		ITEM
	}

	public CoveredBenefit {
		Objects.requireNonNull(kind, "kind");
		limits = Map.copyOf(limits);
	}

	public BigDecimal limit(String limitCode) {
		return limits.get(limitCode);
	}
}
