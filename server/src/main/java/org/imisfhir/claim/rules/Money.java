package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Amounts stay exact while computed and are rounded half-up to 2 decimals once, at the end (rule-decisions 8). */
public final class Money {

	public static final int SCALE = 2;

	private Money() {
	}

	public static BigDecimal round(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.HALF_UP);
	}

	public static BigDecimal sum(Collection<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
