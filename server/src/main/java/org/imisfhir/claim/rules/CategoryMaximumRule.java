package org.imisfhir.claim.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maximum number of claims of a category (admissions, visits, consultations, surgeries,
 * deliveries, antenatal) in the insuree's period on a policy. The claim's service lines fail when
 * the earlier claims of its category already reach the maximum; a maximum of 0 allows none
 * (rule-decisions 14).
 */
public final class CategoryMaximumRule {

	private static final Map<ServiceCategory, RejectionReason> REASONS = Map.of(
			ServiceCategory.HOSPITALIZATION, RejectionReason.MAX_HOSPITAL_ADMISSIONS,
			ServiceCategory.VISIT, RejectionReason.MAX_VISITS,
			ServiceCategory.CONSULTATION, RejectionReason.MAX_CONSULTATIONS,
			ServiceCategory.SURGERY, RejectionReason.MAX_SURGERIES,
			ServiceCategory.DELIVERY, RejectionReason.MAX_DELIVERIES,
			ServiceCategory.ANTENATAL, RejectionReason.MAX_ANTENATAL);

	public Optional<RejectionReason> violation(Candidate candidate, ServiceCategory claimCategory, List<EarlierClaim> earlierClaims) {
		RejectionReason reason = REASONS.get(claimCategory);
		Optional<Integer> maximum = candidate.product().categoryMaxima().maxCount(claimCategory);
		if (reason == null || maximum.isEmpty()) {
			return Optional.empty();
		}
		long used = earlierClaims.stream()
				.filter(earlier -> earlier.category() == claimCategory)
				.filter(earlier -> candidate.policy().periodContains(earlier.targetDate()))
				.count();
		return used >= maximum.get() ? Optional.of(reason) : Optional.empty();
	}
}
