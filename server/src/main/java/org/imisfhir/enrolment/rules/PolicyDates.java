package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The dates a policy gets when it is entered. The last date for payment is empty when the product
 * sets no deadline (a new policy on a free-cycle product without a payment grace period).
 */
public record PolicyDates(LocalDate startDate, LocalDate expiryDate, Optional<LocalDate> lastDateForPayment) {

	public PolicyDates {
		Objects.requireNonNull(startDate, "start date");
		Objects.requireNonNull(expiryDate, "expiry date");
		Objects.requireNonNull(lastDateForPayment, "last date for payment");
		if (expiryDate.isBefore(startDate)) {
			throw new IllegalArgumentException("expiry " + expiryDate + " is before start " + startDate);
		}
	}
}
