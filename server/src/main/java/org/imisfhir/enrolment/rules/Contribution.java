package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A contribution (premium) paid towards a policy. */
public record Contribution(BigDecimal amount, LocalDate payDate) {

	public Contribution {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(payDate, "pay date");
	}
}
