package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a new contribution does to its policy (openIMIS {@code premium_updated}, with
 * rule-decisions 9 and 10).
 */
public final class ContributionActivation {

	private final ActivationOption option;

	public ContributionActivation(ActivationOption option) {
		this.option = option;
	}

	public ContributionOutcome apply(PolicyPayments payments, Contribution contribution, ContributionAction action) {
		Optional<ContributionRefusal> refusal = refusal(payments, contribution);
		if (refusal.isPresent()) {
			return ContributionOutcome.refused(refusal.get(), payments.status());
		}
		if (action == ContributionAction.SUSPEND) {
			return ContributionOutcome.accepted(PolicyStatus.SUSPENDED, Optional.empty(), Set.of());
		}
		Set<ContributionWarning> warnings = EnumSet.noneOf(ContributionWarning.class);
		int comparedWithBalance = contribution.amount().compareTo(payments.balance());
		if (comparedWithBalance > 0) {
			warnings.add(ContributionWarning.OVERPAID);
		}
		if (payments.alreadyPaid() && isInForce(payments.status())) {
			return ContributionOutcome.accepted(payments.status(), Optional.empty(), warnings);
		}
		if (comparedWithBalance < 0) {
			if (action != ContributionAction.ENFORCE) {
				warnings.add(ContributionWarning.BALANCE_DUE);
				return ContributionOutcome.accepted(payments.status(), Optional.empty(), warnings);
			}
			warnings.add(ContributionWarning.ENFORCED_BELOW_VALUE);
		}
		return paid(payments.startDate(), contribution.payDate(), warnings);
	}

	/** Cover starts with the payment, never before the policy's start date (rule-decisions 9). */
	private ContributionOutcome paid(LocalDate startDate, LocalDate payDate, Set<ContributionWarning> warnings) {
		if (option == ActivationOption.READY) {
			return ContributionOutcome.accepted(PolicyStatus.READY, Optional.empty(), warnings);
		}
		LocalDate effective = payDate.isAfter(startDate) ? payDate : startDate;
		return ContributionOutcome.accepted(PolicyStatus.ACTIVE, Optional.of(effective), warnings);
	}

	private static Optional<ContributionRefusal> refusal(PolicyPayments payments, Contribution contribution) {
		if (contribution.amount().signum() <= 0) {
			return Optional.of(ContributionRefusal.NOT_POSITIVE);
		}
		if (payments.lastDateForPayment().filter(contribution.payDate()::isAfter).isPresent()) {
			return Optional.of(ContributionRefusal.PAID_AFTER_LAST_DATE_FOR_PAYMENT);
		}
		if (payments.maxInstallments() > 0 && payments.earlierContributionCount() >= payments.maxInstallments()) {
			return Optional.of(ContributionRefusal.TOO_MANY_INSTALLMENTS);
		}
		return Optional.empty();
	}

	private static boolean isInForce(PolicyStatus status) {
		return status == PolicyStatus.ACTIVE || status == PolicyStatus.READY;
	}
}
