package org.imisfhir.registry.product.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a product covers one medical service or item (openIMIS ProductService / ProductItem), as
 * written on the product: the codes are those of the terminology (price origin P/O/R, limitation
 * F/C, ceiling exclusion H/N/B; null when absent) and {@code limits} holds the numbers by the code
 * of product-benefit-limit (limit-adult, waiting-period-child, max-quantity-adult, ...). When {@code codePattern}
 * is set, {@code code} is a regular expression naming a group of services or items (e.g. transport tariffs
 * TR0001..TR39250) covered alike; {@code visitTypes} (claim-visit-type codes E/R/O) limits the cover to claims of
 * those visit types, empty meaning all.
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
		Map<String, BigDecimal> limits,
		boolean codePattern,
		List<String> visitTypes) {

	/** A medical service (ActivityDefinition) or item (Medication). */
	public enum Kind {
		SERVICE,
		ITEM
	}

	public CoveredBenefit {
		Objects.requireNonNull(kind, "kind");
		limits = Map.copyOf(limits);
		visitTypes = visitTypes == null ? List.of() : List.copyOf(visitTypes);
	}

	/** The cover of one named service or item, on every visit type. */
	public CoveredBenefit(Kind kind, String code, String priceOrigin, String limitationType, String limitationTypeReferral,
			String limitationTypeEmergency, String ceilingExclusionAdult, String ceilingExclusionChild,
			Map<String, BigDecimal> limits) {
		this(kind, code, priceOrigin, limitationType, limitationTypeReferral, limitationTypeEmergency,
				ceilingExclusionAdult, ceilingExclusionChild, limits, false, List.of());
	}

	public BigDecimal limit(String limitCode) {
		return limits.get(limitCode);
	}
}
