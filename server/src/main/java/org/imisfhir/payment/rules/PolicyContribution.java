package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A contribution paid on a policy, with the policy's cover: from the effective date to the expiry
 * date, both days covered. A policy never activated has no effective date.
 */
public record PolicyContribution(BigDecimal amount, LocalDate effectiveDate, LocalDate expiryDate) {

	public PolicyContribution {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(expiryDate, "expiryDate");
	}
}
