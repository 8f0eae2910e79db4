package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A line that passed on an earlier claim of the insuree (status above entered): its item or
 * service, the earlier claim's target date and the quantity (approved, else provided).
 */
public record EarlierLine(MedicalRef ref, LocalDate targetDate, BigDecimal quantity) {

	public EarlierLine {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(targetDate, "targetDate");
		Objects.requireNonNull(quantity, "quantity");
	}
}
