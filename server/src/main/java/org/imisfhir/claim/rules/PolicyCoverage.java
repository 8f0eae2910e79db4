package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the policies that cover a claim and the products that cover each of its lines. */
public final class PolicyCoverage {

	/**
	 * Family (7) when the insuree is not valid or no active or expired policy covers them on the
	 * target date (rule-decisions 11); no coverage (21) when a policy covers the start of a
	 * multi-day claim but none still covers the insuree, without interruption, on its last day.
	 */
	public Optional<RejectionReason> claimRejection(ClaimContext context) {
		if (!context.insuree().valid()) {
			return Optional.of(RejectionReason.FAMILY);
		}
		List<InsureePolicy> covering = covering(context);
		if (covering.isEmpty()) {
			return Optional.of(RejectionReason.FAMILY);
		}
		LocalDate lastDay = context.claim().dateTo();
		if (context.claim().isInPatient() && covering.stream().noneMatch(policy -> !lastDay.isAfter(policy.coveredThrough(context.targetDate())))) {
			return Optional.of(RejectionReason.NO_COVERAGE);
		}
		return Optional.empty();
	}

	public List<InsureePolicy> covering(ClaimContext context) {
		return context.policies().stream().filter(policy -> policy.covers(context.targetDate())).toList();
	}

	/** The candidates for a line, earliest usable first (policy effective date + waiting period). */
	public List<Candidate> candidates(ClaimContext context, MedicalRef ref) {
		boolean adult = context.insureeIsAdult();
		return covering(context).stream()
				.flatMap(policy -> policy.product().coverageOf(ref, context.claim().visitType()).map(coverage -> new Candidate(policy, coverage)).stream())
				.sorted(Comparator.comparing(candidate -> candidate.policy().policyEffective()
						.plusMonths(candidate.coverage().waitingMonths(adult))))
				.toList();
	}
}
