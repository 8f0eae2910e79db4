package org.imisfhir.programme.rules;

import java.time.LocalDate;
import org.imisfhir.enrolment.rules.PolicyStatus;

/** A policy a family already holds, as the programme rules see it: its programme, status and cover period. */
public record HeldPolicy(String id, String programme, PolicyStatus status, LocalDate start, LocalDate expiry) {

	/** True when the policy is in force (openIMIS status Active). */
	public boolean isActive() {
		return status == PolicyStatus.ACTIVE;
	}

	/** True when it covers care given on {@code date}: active or expired, with the date inside its cover. */
	public boolean coversCareOn(LocalDate date) {
		return status.coversClaims() && start != null && expiry != null
				&& !date.isBefore(start) && !date.isAfter(expiry);
	}
}
