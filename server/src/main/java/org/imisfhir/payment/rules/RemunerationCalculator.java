package org.imisfhir.payment.rules;

import org.imisfhir.claim.rules.PriceOrigin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * What a facility is paid for a processed claim: a passed line priced R is paid its valuated
 * amount x the index of its care type, any other passed line its valuated amount, a rejected line
 * nothing (rule-decisions 25). The claim is paid the sum of its lines, rounded half-up to 2
 * decimals only at the end (rule-decisions 8 and 22).
 */
public final class RemunerationCalculator {

	public static final int MONEY_SCALE = 2;

	public BigDecimal lineAmount(BatchClaimLine line, BigDecimal index) {
		if (!line.passed()) {
			return BigDecimal.ZERO;
		}
		if (line.priceOrigin() == PriceOrigin.RELATIVE) {
			return line.valuatedAmount().multiply(index);
		}
		return line.valuatedAmount();
	}

	public ClaimRemuneration remunerate(BatchClaim claim, BigDecimal index) {
		List<BigDecimal> lines = claim.lines().stream().map(line -> lineAmount(line, index)).toList();
		BigDecimal total = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
		return new ClaimRemuneration(claim.claimCode(), lines, total);
	}

	/**
	 * Remunerates the claim with the index of its care type; empty when it has relative-priced
	 * lines whose index does not close in this run.
	 */
	public Optional<ClaimRemuneration> remunerate(BatchClaim claim, RelativeIndexes indexes) {
		if (!claim.hasRelativePricedLines()) {
			return Optional.of(remunerate(claim, BigDecimal.ONE));
		}
		return indexes.indexFor(claim.careType()).map(index -> remunerate(claim, index));
	}
}
