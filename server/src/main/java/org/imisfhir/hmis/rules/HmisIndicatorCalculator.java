package org.imisfhir.hmis.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imisfhir.hmis.rules.DistrictIndicators.ClaimTotals;

/** Computes the month's HMIS indicators of each district from the facts ({@link HmisIndicator} defines them). */
public final class HmisIndicatorCalculator {

	/** openIMIS claim status codes, in the order reports give them: rejected, entered, checked, processed, valuated. */
	public static final List<Integer> CLAIM_STATUSES = List.of(1, 2, 4, 8, 16);

	private static final int ACTIVE = 2;
	private static final int EXPIRED = 8;

	private HmisIndicatorCalculator() {}

	/** The indicators of every district asked for, in the order asked (zeros for a district without data). */
	public static Map<String, DistrictIndicators> compute(YearMonth month, Collection<String> districtIds, HmisFacts facts) {
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		Map<String, HmisFacts.Family> families = new HashMap<>();
		facts.families().forEach(family -> families.put(family.id(), family));
		Map<String, HmisFacts.Policy> policies = new HashMap<>();
		facts.policies().forEach(policy -> policies.put(policy.id(), policy));

		Map<String, DistrictIndicators> result = new LinkedHashMap<>();
		for (String district : districtIds) {
			Set<String> covered = new HashSet<>();
			int policiesActive = 0;
			int policiesNew = 0;
			for (HmisFacts.Policy policy : facts.policies()) {
				HmisFacts.Family family = families.get(policy.familyId());
				if (family == null || !district.equals(family.districtId())) {
					continue;
				}
				if (inForce(policy, last)) {
					policiesActive++;
					covered.add(family.id());
				}
				if ("N".equals(policy.stage()) && within(policy.enrolDate(), first, last)) {
					policiesNew++;
				}
			}
			int insurees = covered.stream().mapToInt(id -> families.get(id).activeMembers()).sum();

			int contributions = 0;
			BigDecimal collected = BigDecimal.ZERO;
			for (HmisFacts.Contribution contribution : facts.contributions()) {
				HmisFacts.Policy policy = policies.get(contribution.policyId());
				HmisFacts.Family family = policy == null ? null : families.get(policy.familyId());
				if (family != null && district.equals(family.districtId())
						&& within(contribution.payDate(), first, last)) {
					contributions++;
					collected = collected.add(contribution.amount());
				}
			}

			Map<Integer, ClaimTotals> claims = new LinkedHashMap<>();
			CLAIM_STATUSES.forEach(status -> claims.put(status, ClaimTotals.NONE));
			for (HmisFacts.ClaimFact claim : facts.claims()) {
				if (district.equals(claim.districtId()) && within(claim.claimDate(), first, last)
						&& claims.containsKey(claim.status())) {
					claims.put(claim.status(), claims.get(claim.status()).plus(claim.claimed(), claim.valuated()));
				}
			}
			result.put(district, new DistrictIndicators(district, insurees, covered.size(), policiesActive,
					policiesNew, contributions, collected, java.util.Collections.unmodifiableMap(claims)));
		}
		return result;
	}

	/** Active or expired, effective on or before the day and expiring on or after it. */
	static boolean inForce(HmisFacts.Policy policy, LocalDate day) {
		return (policy.status() == ACTIVE || policy.status() == EXPIRED)
				&& policy.effectiveDate() != null && !policy.effectiveDate().isAfter(day)
				&& policy.expiryDate() != null && !policy.expiryDate().isBefore(day);
	}

	private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
		return date != null && !date.isBefore(first) && !date.isAfter(last);
	}
}
