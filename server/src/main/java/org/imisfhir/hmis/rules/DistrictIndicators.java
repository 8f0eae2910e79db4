package org.imisfhir.hmis.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The month's indicators of one district (see {@link HmisIndicator} for their definitions); claims are given
 * per openIMIS claim status code, every status present with zeros when it has no claim.
 */
public record DistrictIndicators(
		String districtId,
		int insureesActive,
		int familiesCovered,
		int policiesActive,
		int policiesNew,
		int contributionsCount,
		BigDecimal contributionsAmount,
		Map<Integer, ClaimTotals> claimsByStatus) {

	/** Claims of one status: how many, the amount claimed and the amount valuated. */
	public record ClaimTotals(int count, BigDecimal claimed, BigDecimal valuated) {

		public static final ClaimTotals NONE = new ClaimTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);

		ClaimTotals plus(BigDecimal claimedAmount, BigDecimal valuatedAmount) {
			return new ClaimTotals(count + 1, claimed.add(claimedAmount), valuated.add(valuatedAmount));
		}
	}
}
