package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The limitation of a product item or service for one visit type: a fixed amount per unit (0 means
 * no cap) or the percentage the product pays, for adults and for children.
 */
public record LimitTerms(Limitation type, BigDecimal adult, BigDecimal child) {

	public LimitTerms {
		Objects.requireNonNull(type, "type");
		adult = adult == null ? BigDecimal.ZERO : adult;
		child = child == null ? BigDecimal.ZERO : child;
	}

	public static LimitTerms fixed(String adult, String child) {
		return new LimitTerms(Limitation.FIXED, new BigDecimal(adult), new BigDecimal(child));
	}

	public static LimitTerms coInsurance(String adult, String child) {
		return new LimitTerms(Limitation.CO_INSURANCE, new BigDecimal(adult), new BigDecimal(child));
	}

	public BigDecimal limit(boolean isAdult) {
		return isAdult ? adult : child;
	}
}
