package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Selects checked claims for review or feedback (openIMIS review and feedback selection): a claim is selected
 * when its claimed amount is above the threshold, when it has one of the given services, or when a random draw
 * falls within the share; otherwise it is not selected. The random source is given so that a run can be
 * reproduced.
 */
public final class ClaimSelector {

	/** What selection looks at in a claim. */
	public record Candidate(String claimId, BigDecimal claimed, Set<String> services) {}

	private final RandomGenerator random;

	public ClaimSelector(RandomGenerator random) {
		this.random = random;
	}

	public boolean selects(Candidate claim, SelectionCriteria criteria) {
		if (criteria.amountAbove() != null && claim.claimed() != null && claim.claimed().compareTo(criteria.amountAbove()) > 0) {
			return true;
		}
		if (claim.services().stream().anyMatch(criteria.services()::contains)) {
			return true;
		}
		if (criteria.randomShare() == null || criteria.randomShare().signum() <= 0) {
			return false;
		}
		// a draw in [0, 100) below the share: share 100 takes every claim, share 0 none
		return BigDecimal.valueOf(random.nextDouble() * 100).compareTo(criteria.randomShare()) < 0;
	}

	public List<Candidate> selected(List<Candidate> claims, SelectionCriteria criteria) {
		return claims.stream().filter(claim -> selects(claim, criteria)).toList();
	}
}
