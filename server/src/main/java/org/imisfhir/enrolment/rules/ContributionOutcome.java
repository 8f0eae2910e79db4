package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a new contribution does to its policy. A refused contribution changes nothing; otherwise
 * {@code status} is the policy's new status and {@code effectiveDate} is set when the policy becomes
 * active (empty: the effective date stays as it was).
 */
public record ContributionOutcome(Optional<ContributionRefusal> refusal, PolicyStatus status,
		Optional<LocalDate> effectiveDate, Set<ContributionWarning> warnings) {

	public ContributionOutcome {
		Objects.requireNonNull(refusal, "refusal");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(effectiveDate, "effective date");
		warnings = Set.copyOf(warnings);
	}

	static ContributionOutcome refused(ContributionRefusal refusal, PolicyStatus unchangedStatus) {
		return new ContributionOutcome(Optional.of(refusal), unchangedStatus, Optional.empty(), Set.of());
	}

	static ContributionOutcome accepted(PolicyStatus status, Optional<LocalDate> effectiveDate,
			Set<ContributionWarning> warnings) {
		return new ContributionOutcome(Optional.empty(), status, effectiveDate, warnings);
	}

	public boolean isRefused() {
		return refusal.isPresent();
	}
}
