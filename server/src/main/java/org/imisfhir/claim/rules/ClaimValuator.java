package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values the passed lines of a checked claim (openIMIS process_dedrem), policy by policy in the
 * order the lines first use them. For each line, in claim order:
 * <ol>
 * <li>work = quantity x unit price, exact (rule-decisions 23), capped at quantity x the fixed limit
 * for an F limitation with a limit above 0;</li>
 * <li>the deductible left takes what it can; a line smaller than it is paid nothing and the rest
 * carries to the next line (rule-decisions 17);</li>
 * <li>co-insurance pays its percentage of what is left;</li>
 * <li>the product's maximum amount for the claim's category caps the lines of the claim together
 * (rule-decisions 22);</li>
 * <li>unless the line is excluded from the ceiling (adult or child flag, rule-decisions 20), the
 * ceiling left takes it and the rest is recorded as exceeding the ceiling.</li>
 * </ol>
 */
public final class ClaimValuator {

	private final AllowanceResolver allowances;
	private final UnitPriceResolver prices;

	public ClaimValuator(AllowanceResolver allowances, UnitPriceResolver prices) {
		this.allowances = allowances;
		this.prices = prices;
	}

	public ClaimValuator() {
		this(new AllowanceResolver(), new UnitPriceResolver());
	}

	public ClaimValuation valuate(ClaimContext context, ClaimCheck check) {
		List<LineValuation> lines = new ArrayList<>();
		for (int index = 0; index < check.lines().size(); index++) {
			lines.add(LineValuation.nothing(index));
		}
		List<AllowanceUsage> usage = new ArrayList<>();
		if (!check.rejected()) {
			passedLinesByPolicy(check).forEach((policyId, policyLines) ->
					usage.add(valuatePolicy(context, check.category(), policyLines, lines)));
		}
		BigDecimal approved = Money.sum(lines.stream().map(LineValuation::approved).toList());
		BigDecimal deducted = Money.sum(lines.stream().map(LineValuation::deducted).toList());
		BigDecimal ceilingUsed = Money.sum(usage.stream().map(AllowanceUsage::ceilingUsed).toList());
		return new ClaimValuation(lines, Money.round(approved), Money.round(deducted), Money.round(ceilingUsed), usage);
	}

	private static Map<String, List<LineCheck>> passedLinesByPolicy(ClaimCheck check) {
		Map<String, List<LineCheck>> byPolicy = new LinkedHashMap<>();
		check.lines().stream()
				.filter(LineCheck::passed)
				.forEach(line -> byPolicy.computeIfAbsent(line.assignment().policy().policyId(), id -> new ArrayList<>()).add(line));
		return byPolicy;
	}

	private AllowanceUsage valuatePolicy(ClaimContext context, ServiceCategory category, List<LineCheck> policyLines,
			List<LineValuation> results) {
		InsureePolicy policy = policyLines.get(0).assignment().policy();
		Product product = policy.product();
		boolean hospitalVisit = HospitalVisit.of(product.ceilingInterpretation(), context.claim(), context.facility());
		boolean adult = context.insureeIsAdult();
		Optional<Allowance> deductible = allowances.deductible(context, policy, hospitalVisit);
		Optional<Allowance> ceiling = allowances.ceiling(context, policy, hospitalVisit);
		Optional<BigDecimal> categoryCap = product.categoryMaxima().maxAmount(category);
		BigDecimal deducted = BigDecimal.ZERO;
		BigDecimal ceilingUsed = BigDecimal.ZERO;
		BigDecimal categoryUsed = BigDecimal.ZERO;

		for (LineCheck lineCheck : policyLines) {
			Assignment assignment = lineCheck.assignment();
			ClaimLine line = context.claim().lines().get(lineCheck.index());
			BigDecimal unitPrice = prices.unitPrice(context, line, assignment);
			BigDecimal work = cappedWork(lineCheck.quantity(), unitPrice, assignment);

			BigDecimal lineDeducted = BigDecimal.ZERO;
			if (deductible.isPresent()) {
				BigDecimal left = deductible.get().remaining(deducted);
				if (left.signum() > 0) {
					lineDeducted = left.min(work);
					deducted = deducted.add(lineDeducted);
					work = work.subtract(lineDeducted);
				}
			}

			if (assignment.limitation() == Limitation.CO_INSURANCE) {
				work = work.multiply(assignment.limitationValue()).movePointLeft(2);
			}

			BigDecimal exceedCategory = BigDecimal.ZERO;
			if (categoryCap.isPresent()) {
				BigDecimal left = categoryCap.get().subtract(categoryUsed).max(BigDecimal.ZERO);
				exceedCategory = work.subtract(left).max(BigDecimal.ZERO);
				work = work.subtract(exceedCategory);
				categoryUsed = categoryUsed.add(work);
			}

			BigDecimal exceedCeiling = BigDecimal.ZERO;
			if (!assignment.candidate().coverage().exclusion(adult).excludes(hospitalVisit)) {
				if (ceiling.isPresent()) {
					BigDecimal left = ceiling.get().remaining(ceilingUsed).max(BigDecimal.ZERO);
					exceedCeiling = work.subtract(left).max(BigDecimal.ZERO);
					work = work.subtract(exceedCeiling);
				}
				ceilingUsed = ceilingUsed.add(work);
			}

			results.set(lineCheck.index(),
					new LineValuation(lineCheck.index(), unitPrice, lineDeducted, work, exceedCeiling, exceedCategory));
		}
		return new AllowanceUsage(context.claim().code(), policy.policyId(), context.insuree().id(), hospitalVisit, deducted, ceilingUsed);
	}

	private static BigDecimal cappedWork(BigDecimal quantity, BigDecimal unitPrice, Assignment assignment) {
		BigDecimal work = quantity.multiply(unitPrice);
		if (assignment.limitation() == Limitation.FIXED && assignment.limitationValue().signum() > 0) {
			return work.min(quantity.multiply(assignment.limitationValue()));
		}
		return work;
	}
}
