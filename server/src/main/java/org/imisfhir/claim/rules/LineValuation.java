package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The valuation of one claim line, exact (unrounded): the unit price used, what the deductible
 * took, the approved amount, and what the ceiling and the category cap cut off. Rejected lines are
 * all zero.
 */
public record LineValuation(
		int index,
		BigDecimal unitPrice,
		BigDecimal deducted,
		BigDecimal approved,
		BigDecimal exceedCeiling,
		BigDecimal exceedCategory) {

	public LineValuation {
		Objects.requireNonNull(unitPrice, "unitPrice");
		Objects.requireNonNull(deducted, "deducted");
		Objects.requireNonNull(approved, "approved");
		Objects.requireNonNull(exceedCeiling, "exceedCeiling");
		Objects.requireNonNull(exceedCategory, "exceedCategory");
	}

	static LineValuation nothing(int index) {
		return new LineValuation(index, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
	}
}
