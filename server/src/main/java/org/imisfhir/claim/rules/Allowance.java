package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** A deductible or ceiling that applies to a claim: its amount and what earlier claims already took of it. */
public record Allowance(BigDecimal amount, BigDecimal earlier) {

	public Allowance {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(earlier, "earlier");
	}

	public BigDecimal remaining(BigDecimal takenByThisClaim) {
		return amount.subtract(earlier).subtract(takenByThisClaim);
	}
}
