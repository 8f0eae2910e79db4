package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome of the checks for one claim line: passed with its assignment and the quantity it
 * keeps ({@code quantityCut} says the maximum quantity shortened it), or rejected with a reason.
 */
public record LineCheck(
		int index,
		LineStatus status,
		RejectionReason reason,
		Assignment assignment,
		BigDecimal quantity,
		boolean quantityCut) {

	public LineCheck {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(quantity, "quantity");
		if (status == LineStatus.PASSED && assignment == null) {
			throw new IllegalArgumentException("a passed line needs an assignment");
		}
	}

	static LineCheck passed(int index, Assignment assignment, BigDecimal quantity, boolean quantityCut) {
		return new LineCheck(index, LineStatus.PASSED, RejectionReason.ACCEPTED, assignment, quantity, quantityCut);
	}

	static LineCheck rejected(int index, RejectionReason reason) {
		return new LineCheck(index, LineStatus.REJECTED, reason, null, BigDecimal.ZERO, false);
	}

	public boolean passed() {
		return status == LineStatus.PASSED;
	}
}
