package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The valuation of a claim: each line's amounts (exact), the claim totals (sums of the lines,
 * rounded half-up to 2 decimals; rule-decisions 22), and per policy what the claim took of its
 * deductible and ceiling, to be kept as history for later claims.
 */
public record ClaimValuation(
		List<LineValuation> lines,
		BigDecimal approved,
		BigDecimal deducted,
		BigDecimal ceilingUsed,
		List<AllowanceUsage> usage) {

	public ClaimValuation {
		lines = List.copyOf(lines);
		usage = List.copyOf(usage);
	}

	public LineValuation line(int index) {
		return lines.get(index);
	}
}
