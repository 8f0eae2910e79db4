package org.imisfhir.eligibility.rules;

import org.imisfhir.claim.rules.Allowance;
import org.imisfhir.claim.rules.AllowanceResolver;
import org.imisfhir.claim.rules.AllowanceResolver.Scope;
import org.imisfhir.claim.rules.EarlierLine;
import org.imisfhir.claim.rules.InsureeHistory;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.ProductCoverage;
import org.imisfhir.claim.rules.ServiceCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The balances an eligibility enquiry returns (openIMIS ByInsureeService), counted exactly as the claim checks
 * count them: claims of a category in the policy period against the product's maximum number; deductibles and
 * ceilings minus the earlier usage at their level (insuree or family); an item's quantity used in the period
 * against its maximum; its waiting period from the insuree's cover start when the policy is new or the insuree
 * joined later.
 */
public final class EligibilityCalculator {

	private final AllowanceResolver allowances = new AllowanceResolver();

	public List<PolicyBalance> balances(List<InsureePolicy> policies, InsureeHistory history, String insureeId,
			boolean adult, LocalDate date, Optional<MedicalRef> ref) {
		List<PolicyBalance> balances = new ArrayList<>();
		for (InsureePolicy policy : policies) {
			if (policy.covers(date)) {
				balances.add(balance(policy, history, insureeId, adult, ref));
			}
		}
		return balances;
	}

	PolicyBalance balance(InsureePolicy policy, InsureeHistory history, String insureeId, boolean adult, Optional<MedicalRef> ref) {
		Map<ServiceCategory, Integer> claimsLeft = new EnumMap<>(ServiceCategory.class);
		Map<ServiceCategory, BigDecimal> maximumAmounts = new EnumMap<>(ServiceCategory.class);
		for (ServiceCategory category : ServiceCategory.values()) {
			policy.product().categoryMaxima().maxCount(category).ifPresent(maximum -> {
				long used = history.claimsOncePerCode().stream()
						.filter(claim -> claim.category() == category)
						.filter(claim -> policy.periodContains(claim.targetDate()))
						.count();
				claimsLeft.put(category, (int) Math.max(0, maximum - used));
			});
			policy.product().categoryMaxima().maxAmount(category).ifPresent(amount -> maximumAmounts.put(category, amount));
		}
		Map<Scope, BigDecimal> deductibleLeft = new EnumMap<>(Scope.class);
		Map<Scope, BigDecimal> ceilingLeft = new EnumMap<>(Scope.class);
		for (Scope scope : Scope.values()) {
			allowances.deductible(history, insureeId, policy, scope).map(EligibilityCalculator::left)
					.ifPresent(left -> deductibleLeft.put(scope, left));
			allowances.ceiling(history, insureeId, policy, scope).map(EligibilityCalculator::left)
					.ifPresent(left -> ceilingLeft.put(scope, left));
		}
		Optional<ItemBalance> item = ref.map(asked -> itemBalance(policy, history, adult, asked));
		return new PolicyBalance(policy, claimsLeft, maximumAmounts, deductibleLeft, ceilingLeft, item);
	}

	private static ItemBalance itemBalance(InsureePolicy policy, InsureeHistory history, boolean adult, MedicalRef ref) {
		Optional<ProductCoverage> coverage = policy.product().coverageOf(ref);
		if (coverage.isEmpty()) {
			return new ItemBalance(ref, false, 0, null);
		}
		Integer maximum = coverage.get().maxQuantity(adult);
		Integer left = null;
		if (maximum != null) {
			BigDecimal used = history.lines().stream()
					.filter(line -> line.ref().equals(ref))
					.filter(line -> policy.periodContains(line.targetDate()))
					.map(EarlierLine::quantity)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
			left = BigDecimal.valueOf(maximum).subtract(used).max(BigDecimal.ZERO).intValue();
		}
		int months = coverage.get().waitingMonths(adult);
		LocalDate from = months > 0 && policy.waitingPeriodApplies()
				? policy.insureeEffective().plusMonths(months)
				: policy.insureeEffective();
		return new ItemBalance(ref, true, left, from);
	}

	private static BigDecimal left(Allowance allowance) {
		return allowance.remaining(BigDecimal.ZERO).max(BigDecimal.ZERO);
	}
}
