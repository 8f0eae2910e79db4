package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy being entered: its stage, the date it is entered (enrol date) and, for a renewal, the
 * expiry date of the policy it renews.
 */
public record Enrolment(PolicyStage stage, LocalDate enrolDate, Optional<LocalDate> previousExpiry) {

	public Enrolment {
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(enrolDate, "enrol date");
		Objects.requireNonNull(previousExpiry, "previous expiry");
		if (stage == PolicyStage.RENEWAL && previousExpiry.isEmpty()) {
			throw new IllegalArgumentException("a renewal needs the expiry date of the policy it renews");
		}
		if (stage == PolicyStage.NEW && previousExpiry.isPresent()) {
			throw new IllegalArgumentException("a new policy renews nothing");
		}
	}

	public static Enrolment newPolicy(LocalDate enrolDate) {
		return new Enrolment(PolicyStage.NEW, enrolDate, Optional.empty());
	}

	public static Enrolment renewal(LocalDate enrolDate, LocalDate previousExpiry) {
		return new Enrolment(PolicyStage.RENEWAL, enrolDate, Optional.of(previousExpiry));
	}

	public boolean isNew() {
		return stage == PolicyStage.NEW;
	}
}
