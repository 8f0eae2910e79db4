package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which product pays a line. The visit type picks the normal, referral or emergency
 * limits and the insuree's age the adult or child one. The best co-insurance candidate (highest
 * percentage) and the best fixed-amount candidate (highest amount) compete: the fixed one wins when
 * its limit is 0 (no cap) or above the claimed price, or when it leaves the insuree a smaller share
 * (price - limit) than co-insurance does ((1 - % / 100) x price).
 */
public final class ProductAssigner {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Optional<Assignment> assign(VisitType visitType, boolean adult, BigDecimal claimedPrice, List<Candidate> candidates) {
		Optional<Assignment> coInsurance = best(candidates, visitType, adult, Limitation.CO_INSURANCE);
		Optional<Assignment> fixed = best(candidates, visitType, adult, Limitation.FIXED);
		if (coInsurance.isEmpty() || fixed.isEmpty()) {
			return coInsurance.isPresent() ? coInsurance : fixed;
		}
		return Optional.of(fixedWins(fixed.get().limitationValue(), coInsurance.get().limitationValue(), claimedPrice)
				? fixed.get()
				: coInsurance.get());
	}

	static boolean fixedWins(BigDecimal fixedLimit, BigDecimal percentage, BigDecimal price) {
		if (fixedLimit.signum() == 0 || fixedLimit.compareTo(price) > 0) {
			return true;
		}
		if (HUNDRED.subtract(percentage).signum() <= 0) {
			return false;
		}
		BigDecimal ownShareFixed = price.subtract(fixedLimit);
		BigDecimal ownShareCoInsurance = BigDecimal.ONE.subtract(percentage.movePointLeft(2)).multiply(price);
		return ownShareCoInsurance.compareTo(ownShareFixed) > 0;
	}

	private static Optional<Assignment> best(List<Candidate> candidates, VisitType visitType, boolean adult, Limitation type) {
		return candidates.stream()
				.filter(candidate -> candidate.coverage().limitsFor(visitType).type() == type)
				.map(candidate -> new Assignment(candidate, type, candidate.coverage().limitsFor(visitType).limit(adult)))
				.max(Comparator.comparing(Assignment::limitationValue));
	}
}
