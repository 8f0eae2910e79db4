package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Processes a checked and valued claim: a claim with any passed line priced relatively (R) becomes
 * processed (8) and waits for the batch run; any other becomes valuated (16) with valuated =
 * approved.
 */
public final class ClaimProcessor {

	public ProcessOutcome process(ClaimCheck check, ClaimValuation valuation) {
		if (check.status() != ClaimStatus.CHECKED) {
			throw new IllegalStateException("only a checked claim can be processed, not a " + check.status() + " one");
		}
		boolean relative = check.lines().stream()
				.filter(LineCheck::passed)
				.anyMatch(line -> line.assignment().priceOrigin() == PriceOrigin.RELATIVE);
		Map<Integer, BigDecimal> remunerated = new HashMap<>();
		check.lines().stream()
				.filter(LineCheck::passed)
				.filter(line -> line.assignment().priceOrigin() != PriceOrigin.RELATIVE)
				.forEach(line -> remunerated.put(line.index(), valuation.line(line.index()).approved()));
		if (relative) {
			return new ProcessOutcome(ClaimStatus.PROCESSED, valuation.approved(), null, remunerated);
		}
		return new ProcessOutcome(ClaimStatus.VALUATED, valuation.approved(), valuation.approved(), remunerated);
	}
}
