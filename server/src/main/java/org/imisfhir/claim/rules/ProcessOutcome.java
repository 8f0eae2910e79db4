package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A claim after processing: processed (waiting for the batch run, {@code valuated} null) or
 * valuated; {@code remuneratedLines} holds, by line index, the amount of each passed line not
 * priced relatively (relative-priced lines are paid by the batch run).
 */
public record ProcessOutcome(ClaimStatus status, BigDecimal approved, BigDecimal valuated, Map<Integer, BigDecimal> remuneratedLines) {

	public ProcessOutcome {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(approved, "approved");
		remuneratedLines = Map.copyOf(remuneratedLines);
	}
}
