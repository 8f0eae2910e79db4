package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one claim took from one policy's deductible and ceiling (openIMIS ClaimDedRem): the
 * valuation returns one per policy touched, and the earlier ones form the insuree's history.
 * {@code hospitalVisit} says whether the amounts also count against the in-patient (true) or the
 * out-patient (false) variants.
 */
public record AllowanceUsage(
		String claimCode,
		String policyId,
		String insureeId,
		boolean hospitalVisit,
		BigDecimal deducted,
		BigDecimal ceilingUsed) {

	public AllowanceUsage {
		Objects.requireNonNull(claimCode, "claimCode");
		Objects.requireNonNull(policyId, "policyId");
		Objects.requireNonNull(insureeId, "insureeId");
		Objects.requireNonNull(deducted, "deducted");
		Objects.requireNonNull(ceilingUsed, "ceilingUsed");
	}
}
