package org.imisfhir.claim.rules;

import java.util.List;
import java.util.Objects;

/** The outcome of the submission checks: checked or rejected, the claim's category and every line's outcome. */
public record ClaimCheck(ClaimStatus status, RejectionReason reason, ServiceCategory category, List<LineCheck> lines) {

	public ClaimCheck {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(category, "category");
		lines = List.copyOf(lines);
	}

	public boolean rejected() {
		return status == ClaimStatus.REJECTED;
	}

	public LineCheck line(int index) {
		return lines.get(index);
	}
}
