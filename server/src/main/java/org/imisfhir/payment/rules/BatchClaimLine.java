package org.imisfhir.payment.rules;

import org.imisfhir.claim.rules.PriceOrigin;

import java.math.BigDecimal;
import java.util.Objects;

/** An item or service line of a processed claim, as the batch run sees it. */
public record BatchClaimLine(PriceOrigin priceOrigin, boolean passed, BigDecimal valuatedAmount) {

	public BatchClaimLine {
		Objects.requireNonNull(priceOrigin, "priceOrigin");
		Objects.requireNonNull(valuatedAmount, "valuatedAmount");
	}

	public boolean isPassedRelative() {
		return passed && priceOrigin == PriceOrigin.RELATIVE;
	}
}
