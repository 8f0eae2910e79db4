package org.imisfhir.claim.rules;

import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.enrolment.rules.PolicyStage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A policy of the insuree's family with the insuree's own cover on it (openIMIS Policy joined with
 * InsureePolicy). {@code coveredMembers} is the number of family members covered on the claim's
 * target date, which raises policy-level ceilings above the product's threshold.
 */
public record InsureePolicy(
		String policyId,
		Product product,
		PolicyStage stage,
		PolicyStatus status,
		LocalDate policyEffective,
		LocalDate policyExpiry,
		LocalDate insureeEffective,
		LocalDate insureeExpiry,
		int coveredMembers) {

	public InsureePolicy {
		Objects.requireNonNull(policyId, "policyId");
		Objects.requireNonNull(product, "product");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(policyEffective, "policyEffective");
		Objects.requireNonNull(policyExpiry, "policyExpiry");
		Objects.requireNonNull(insureeEffective, "insureeEffective");
		Objects.requireNonNull(insureeExpiry, "insureeExpiry");
	}

	public boolean covers(LocalDate date) {
		return status.coversClaims()
				&& !date.isBefore(policyEffective) && !date.isAfter(policyExpiry)
				&& !date.isBefore(insureeEffective) && !date.isAfter(insureeExpiry);
	}

	/** Last day of the insuree's cover under this policy. */
	public LocalDate periodEnd() {
		return policyExpiry.isBefore(insureeExpiry) ? policyExpiry : insureeExpiry;
	}

	public boolean periodContains(LocalDate date) {
		return !date.isBefore(insureeEffective) && !date.isAfter(periodEnd());
	}

	/** The waiting period applies to a new policy and to a member who joined after the policy started. */
	public boolean waitingPeriodApplies() {
		return stage == PolicyStage.NEW || policyEffective.isBefore(insureeEffective);
	}
}
