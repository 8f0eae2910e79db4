package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Spreads a contribution over the days its policy covers (rule-decisions 24): the part of a
 * period is contribution x (covered days in the period) / (covered days of the policy), both
 * ends counted. The result is not rounded (rule-decisions 8); it is carried with 34 significant
 * digits, because a day fraction rarely divides exactly.
 */
public final class ContributionAllocator {

	static final MathContext PRECISION = MathContext.DECIMAL128;

	public BigDecimal allocate(PolicyContribution contribution, Period period) {
		LocalDate effective = contribution.effectiveDate();
		LocalDate expiry = contribution.expiryDate();
		if (effective == null || expiry.isBefore(effective)) {
			return BigDecimal.ZERO;
		}
		LocalDate from = latest(effective, period.firstDay());
		LocalDate to = earliest(expiry, period.lastDay());
		if (to.isBefore(from)) {
			return BigDecimal.ZERO;
		}
		BigDecimal daysInPeriod = BigDecimal.valueOf(daysBothEnds(from, to));
		BigDecimal policyDays = BigDecimal.valueOf(daysBothEnds(effective, expiry));
		return contribution.amount().multiply(daysInPeriod).divide(policyDays, PRECISION);
	}

	public BigDecimal allocateAll(Collection<PolicyContribution> contributions, Period period) {
		return contributions.stream()
				.map(contribution -> allocate(contribution, period))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static long daysBothEnds(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
