package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Remunerated amounts of a claim: each line unrounded, in the claim's line order, and the claim
 * total rounded half-up to 2 decimals.
 */
public record ClaimRemuneration(String claimCode, List<BigDecimal> lineAmounts, BigDecimal total) {

	public ClaimRemuneration {
		lineAmounts = List.copyOf(lineAmounts);
	}
}
