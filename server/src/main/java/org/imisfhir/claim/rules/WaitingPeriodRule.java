package org.imisfhir.claim.rules;

import java.time.LocalDate;

/**
 * On a new policy, or for a member who joined after the policy started, an item or service is
 * covered only once its waiting period (months, adult or child) has passed since the insuree's
 * cover began.
 */
public final class WaitingPeriodRule {

	public boolean violated(Candidate candidate, LocalDate targetDate, boolean adult) {
		int months = candidate.coverage().waitingMonths(adult);
		if (months <= 0 || !candidate.policy().waitingPeriodApplies()) {
			return false;
		}
		return targetDate.isBefore(candidate.policy().insureeEffective().plusMonths(months));
	}
}
