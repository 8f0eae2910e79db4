package org.imisfhir.eligibility.rules;

import org.imisfhir.claim.rules.AllowanceResolver.Scope;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.ServiceCategory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What is left to an insuree under one policy in force: per limited category the number of claims left and the
 * maximum amount per claim; per scope (general, in-patient, out-patient) the deductible and the ceiling left;
 * and, when asked, the balance of one item or service.
 */
public record PolicyBalance(
		InsureePolicy policy,
		Map<ServiceCategory, Integer> claimsLeft,
		Map<ServiceCategory, BigDecimal> maximumAmounts,
		Map<Scope, BigDecimal> deductibleLeft,
		Map<Scope, BigDecimal> ceilingLeft,
		Optional<ItemBalance> item) {

	public PolicyBalance {
		claimsLeft = Map.copyOf(claimsLeft);
		maximumAmounts = Map.copyOf(maximumAmounts);
		deductibleLeft = Map.copyOf(deductibleLeft);
		ceilingLeft = Map.copyOf(ceilingLeft);
	}
}
