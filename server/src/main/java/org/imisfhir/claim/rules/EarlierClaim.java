package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.util.Objects;

/** An earlier claim of the insuree (status above entered), counted against the category maxima. */
public record EarlierClaim(String claimCode, LocalDate targetDate, ServiceCategory category) {

	public EarlierClaim {
		Objects.requireNonNull(claimCode, "claimCode");
		Objects.requireNonNull(targetDate, "targetDate");
		Objects.requireNonNull(category, "category");
	}
}
