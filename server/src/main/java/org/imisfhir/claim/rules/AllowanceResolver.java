package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the deductible and the ceiling that apply to a claim on one policy. The general amounts
 * come first, then the in-patient or out-patient variant chosen by the hospital visit; within each,
 * the most specific level set applies: treatment, then insuree, then policy (rule-decisions 19).
 * Earlier usage is subtracted: none for a treatment, the insuree's earlier claims on the policy for
 * an insuree level, the whole family's for a policy level, each claim once (rule-decisions 18). A
 * policy-level ceiling grows by the extra-member amount for each covered member above the threshold,
 * up to the maximum ceiling.
 */
public final class AllowanceResolver {

	private enum Level { TREATMENT, INSUREE, POLICY }

	/** Which amounts an eligibility enquiry asks about: the general one, or the in-patient or out-patient variant. */
	public enum Scope { GENERAL, IN_PATIENT, OUT_PATIENT }

	public Optional<Allowance> deductible(ClaimContext context, InsureePolicy policy, boolean hospitalVisit) {
		return resolve(context.history(), context.insuree().id(), policy, hospitalVisit, policy.product().deductibles(),
				AllowanceUsage::deducted, false, new boolean[] {false, true});
	}

	public Optional<Allowance> ceiling(ClaimContext context, InsureePolicy policy, boolean hospitalVisit) {
		return resolve(context.history(), context.insuree().id(), policy, hospitalVisit, policy.product().ceilings(),
				AllowanceUsage::ceilingUsed, true, new boolean[] {false, true});
	}

	/** The deductible of one scope alone, with the earlier usage counted as for a claim (eligibility balances). */
	public Optional<Allowance> deductible(InsureeHistory history, String insureeId, InsureePolicy policy, Scope scope) {
		return resolve(history, insureeId, policy, scope == Scope.IN_PATIENT, policy.product().deductibles(),
				AllowanceUsage::deducted, false, new boolean[] {scope != Scope.GENERAL});
	}

	/** The ceiling of one scope alone, with the earlier usage counted as for a claim (eligibility balances). */
	public Optional<Allowance> ceiling(InsureeHistory history, String insureeId, InsureePolicy policy, Scope scope) {
		return resolve(history, insureeId, policy, scope == Scope.IN_PATIENT, policy.product().ceilings(),
				AllowanceUsage::ceilingUsed, true, new boolean[] {scope != Scope.GENERAL});
	}

	private Optional<Allowance> resolve(InsureeHistory history, String insureeId, InsureePolicy policy, boolean hospitalVisit,
			AllowanceTerms terms, Function<AllowanceUsage, BigDecimal> usedAmount, boolean ceiling, boolean[] variants) {
		for (boolean variant : variants) {
			for (Level level : Level.values()) {
				BigDecimal amount = pick(amountsAt(terms, level), variant, hospitalVisit);
				if (LevelAmounts.isSet(amount)) {
					if (ceiling && level == Level.POLICY) {
						amount = withExtraMembers(amount, policy, variant, hospitalVisit);
					}
					BigDecimal earlier = earlierUsage(history, insureeId, policy, level, variant, hospitalVisit, usedAmount);
					return Optional.of(new Allowance(amount, earlier));
				}
			}
		}
		return Optional.empty();
	}

	private static LevelAmounts amountsAt(AllowanceTerms terms, Level level) {
		return switch (level) {
			case TREATMENT -> terms.treatment();
			case INSUREE -> terms.insuree();
			case POLICY -> terms.policy();
		};
	}

	private static BigDecimal pick(LevelAmounts amounts, boolean variant, boolean hospitalVisit) {
		return variant ? amounts.variant(hospitalVisit) : amounts.general();
	}

	private static BigDecimal withExtraMembers(BigDecimal amount, InsureePolicy policy, boolean variant, boolean hospitalVisit) {
		ExtraMemberCeiling extra = policy.product().extraMemberCeiling();
		int extraMembers = policy.coveredMembers() - extra.threshold();
		BigDecimal perMember = pick(extra.perExtraMember(), variant, hospitalVisit);
		if (extraMembers <= 0 || !LevelAmounts.isSet(perMember)) {
			return amount;
		}
		BigDecimal raised = amount.add(perMember.multiply(BigDecimal.valueOf(extraMembers)));
		BigDecimal maximum = pick(extra.maximum(), variant, hospitalVisit);
		return LevelAmounts.isSet(maximum) ? raised.min(maximum) : raised;
	}

	private static BigDecimal earlierUsage(InsureeHistory history, String insureeId, InsureePolicy policy, Level level,
			boolean variant, boolean hospitalVisit, Function<AllowanceUsage, BigDecimal> usedAmount) {
		if (level == Level.TREATMENT) {
			return BigDecimal.ZERO;
		}
		List<AllowanceUsage> usage = history.usageOncePerClaim();
		return Money.sum(usage.stream()
				.filter(record -> record.policyId().equals(policy.policyId()))
				.filter(record -> level == Level.POLICY || record.insureeId().equals(insureeId))
				.filter(record -> !variant || record.hospitalVisit() == hospitalVisit)
				.map(usedAmount)
				.toList());
	}
}
