package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * Start, expiry and last date for payment of a policy (rule-decisions 1 and 3). Months are added
 * with {@link LocalDate#plusMonths}, which clamps to the end of a shorter month.
 */
public final class PolicyPeriodCalculator {

	public PolicyDates calculate(ProductTerms product, Enrolment enrolment) {
		LocalDate start = startDate(product, enrolment);
		LocalDate expiry = expiryDate(product, start);
		return new PolicyDates(start, expiry, lastDateForPayment(product, enrolment, start));
	}

	/**
	 * A new policy starts after the administration period. On a cycle product the enrolment then
	 * belongs to the first cycle on or after (that date - grace period), the cycles being taken in the
	 * year of that shifted date, or the first cycle of the following year when none is left.
	 */
	public LocalDate startDate(ProductTerms product, Enrolment enrolment) {
		LocalDate reference = enrolment.isNew()
				? enrolment.enrolDate().plusMonths(product.administrationPeriodMonths())
				: enrolment.enrolDate();
		if (!product.hasStartCycles()) {
			return reference;
		}
		LocalDate graced = reference.minusMonths(product.cycleGracePeriodMonths(enrolment.stage()));
		for (MonthDay cycle : product.startCycles()) {
			LocalDate cycleDate = cycle.atYear(graced.getYear());
			if (!cycleDate.isBefore(graced)) {
				return cycleDate;
			}
		}
		return product.startCycles().get(0).atYear(graced.getYear() + 1);
	}

	public LocalDate expiryDate(ProductTerms product, LocalDate startDate) {
		return startDate.plusMonths(product.insurancePeriodMonths()).minusDays(1);
	}

	/**
	 * Cycle products: start + grace period (enrolment or renewal) - 1 day. Free-cycle products: a new
	 * policy has enrol date + payment grace period - 1 day; a renewal has previous expiry + 1 day +
	 * payment grace period - 1 day.
	 */
	public Optional<LocalDate> lastDateForPayment(ProductTerms product, Enrolment enrolment, LocalDate startDate) {
		if (product.hasStartCycles()) {
			return Optional.of(startDate.plusMonths(product.cycleGracePeriodMonths(enrolment.stage())).minusDays(1));
		}
		int paymentGrace = product.gracePeriodPaymentMonths();
		if (enrolment.isNew()) {
			return paymentGrace == 0
					? Optional.empty()
					: Optional.of(enrolment.enrolDate().plusMonths(paymentGrace).minusDays(1));
		}
		LocalDate previousExpiry = enrolment.previousExpiry().orElseThrow();
		return Optional.of(previousExpiry.plusDays(1).plusMonths(paymentGrace).minusDays(1));
	}
}
