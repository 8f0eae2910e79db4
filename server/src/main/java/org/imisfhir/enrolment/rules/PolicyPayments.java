package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a policy's payments before a new contribution.
 *
 * @param earlierContributions sum of the policy's earlier contributions (photo fees excluded)
 * @param earlierContributionCount how many earlier contributions there are
 * @param lastDateForPayment empty when the product sets no deadline
 * @param maxInstallments the product's max installments, 0 for no limit
 */
public record PolicyPayments(BigDecimal policyValue, BigDecimal earlierContributions, int earlierContributionCount,
		PolicyStatus status, LocalDate startDate, Optional<LocalDate> lastDateForPayment, int maxInstallments) {

	public PolicyPayments {
		Objects.requireNonNull(policyValue, "policy value");
		Objects.requireNonNull(earlierContributions, "earlier contributions");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(startDate, "start date");
		Objects.requireNonNull(lastDateForPayment, "last date for payment");
		if (earlierContributionCount < 0 || maxInstallments < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
	}

	public BigDecimal balance() {
		return policyValue.subtract(earlierContributions);
	}

	public boolean alreadyPaid() {
		return balance().signum() <= 0;
	}
}
