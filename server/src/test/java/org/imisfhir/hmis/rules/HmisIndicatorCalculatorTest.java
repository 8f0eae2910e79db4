package org.imisfhir.hmis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.imisfhir.hmis.rules.DistrictIndicators.ClaimTotals;
import org.junit.jupiter.api.Test;

class HmisIndicatorCalculatorTest {

	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	/*
	 * District D1: families F1 (3 active members) and F2 (2); district D2: family F3 (4).
	 * Policies (last day of November: 2026-11-30):
	 *   P1 F1 active,  N, enrolled 2026-01-10, effective 2026-02-10, expires 2027-02-09 -> in force
	 *   P2 F1 expired, R, enrolled 2025-10-01, effective 2025-11-01, expires 2026-11-30 -> in force (expires that day)
	 *   P3 F2 idle,    N, enrolled 2026-11-05, not effective                             -> new, not in force
	 *   P4 F2 active,  N, enrolled 2026-11-20, effective 2026-12-20                      -> new, not yet in force
	 *   P5 F3 suspended, N, enrolled 2026-11-02, effective 2026-11-10, expires 2027-11-09 -> new, not in force
	 *   P6 F3 active,  R, enrolled 2026-10-01, effective 2026-11-01, expires 2027-10-31 -> in force, not new (renewal)
	 * D1: policies in force P1, P2 = 2; families covered F1 = 1 (F2 has none in force); insurees 3; new P3, P4 = 2.
	 * D2: policies in force P6 = 1; families F3 = 1; insurees 4; new P5 = 1.
	 */
	static final List<HmisFacts.Family> FAMILIES = List.of(
			new HmisFacts.Family("F1", "D1", 3), new HmisFacts.Family("F2", "D1", 2), new HmisFacts.Family("F3", "D2", 4));
	static final List<HmisFacts.Policy> POLICIES = List.of(
			new HmisFacts.Policy("P1", "F1", 2, "N", d("2026-01-10"), d("2026-02-10"), d("2027-02-09")),
			new HmisFacts.Policy("P2", "F1", 8, "R", d("2025-10-01"), d("2025-11-01"), d("2026-11-30")),
			new HmisFacts.Policy("P3", "F2", 1, "N", d("2026-11-05"), null, d("2027-12-04")),
			new HmisFacts.Policy("P4", "F2", 2, "N", d("2026-11-20"), d("2026-12-20"), d("2027-12-19")),
			new HmisFacts.Policy("P5", "F3", 4, "N", d("2026-11-02"), d("2026-11-10"), d("2027-11-09")),
			new HmisFacts.Policy("P6", "F3", 2, "R", d("2026-10-01"), d("2026-11-01"), d("2027-10-31")));
	/*
	 * Contributions: P3 1500.50 on 11-05 and 2000 on 11-30 (D1), P4 4900 on 12-01 (December: left out),
	 * P1 3000 on 10-31 (October: left out), P6 7500.25 on 11-01 (D2), an unknown policy 999 (left out).
	 * D1: 2 contributions, 1500.50 + 2000 = 3500.50; D2: 1, 7500.25.
	 */
	static final List<HmisFacts.Contribution> CONTRIBUTIONS = List.of(
			new HmisFacts.Contribution("P3", d("2026-11-05"), new BigDecimal("1500.50")),
			new HmisFacts.Contribution("P3", d("2026-11-30"), new BigDecimal("2000")),
			new HmisFacts.Contribution("P4", d("2026-12-01"), new BigDecimal("4900")),
			new HmisFacts.Contribution("P1", d("2026-10-31"), new BigDecimal("3000")),
			new HmisFacts.Contribution("P6", d("2026-11-01"), new BigDecimal("7500.25")),
			new HmisFacts.Contribution("P9", d("2026-11-15"), new BigDecimal("999")));
	/*
	 * Claims of D1 claimed in November: C1 valuated 146800 claimed / 18350 valuated, C2 valuated 10000 / 9000,
	 * C3 rejected 5000 / 0, C4 entered 2500.75 / 0; C5 valuated but claimed 2026-10-30 (left out).
	 * Claims of D2: C6 checked 4000 / 0.
	 * D1: valuated 2 claims, 156800 claimed, 27350 valuated; rejected 1, 5000; entered 1, 2500.75; checked and
	 * processed none. D2: checked 1, 4000.
	 */
	static final List<HmisFacts.ClaimFact> CLAIMS = List.of(
			claim("C1", "D1", 16, "2026-11-03", "146800", "18350"),
			claim("C2", "D1", 16, "2026-11-30", "10000", "9000"),
			claim("C3", "D1", 1, "2026-11-12", "5000", "0"),
			claim("C4", "D1", 2, "2026-11-01", "2500.75", "0"),
			claim("C5", "D1", 16, "2026-10-30", "7000", "7000"),
			claim("C6", "D2", 4, "2026-11-15", "4000", "0"));

	@Test
	void policiesFamiliesAndInsureesInForceOnTheLastDay() {
		Map<String, DistrictIndicators> result = compute("D1", "D2");

		DistrictIndicators d1 = result.get("D1");
		assertThat(d1.policiesActive()).isEqualTo(2);
		assertThat(d1.familiesCovered()).isEqualTo(1);
		assertThat(d1.insureesActive()).isEqualTo(3);
		assertThat(d1.policiesNew()).isEqualTo(2);
		DistrictIndicators d2 = result.get("D2");
		assertThat(d2.policiesActive()).isEqualTo(1);
		assertThat(d2.familiesCovered()).isEqualTo(1);
		assertThat(d2.insureesActive()).isEqualTo(4);
		assertThat(d2.policiesNew()).isEqualTo(1);
	}

	@Test
	void contributionsPaidDuringTheMonth() {
		Map<String, DistrictIndicators> result = compute("D1", "D2");

		assertThat(result.get("D1").contributionsCount()).isEqualTo(2);
		assertThat(result.get("D1").contributionsAmount()).isEqualByComparingTo("3500.50");
		assertThat(result.get("D2").contributionsCount()).isEqualTo(1);
		assertThat(result.get("D2").contributionsAmount()).isEqualByComparingTo("7500.25");
	}

	@Test
	void claimsClaimedDuringTheMonthByStatus() {
		Map<Integer, ClaimTotals> d1 = compute("D1").get("D1").claimsByStatus();

		assertThat(d1.keySet()).containsExactly(1, 2, 4, 8, 16);
		assertThat(d1.get(16).count()).isEqualTo(2);
		assertThat(d1.get(16).claimed()).isEqualByComparingTo("156800");
		assertThat(d1.get(16).valuated()).isEqualByComparingTo("27350");
		assertThat(d1.get(1)).isEqualTo(new ClaimTotals(1, new BigDecimal("5000"), BigDecimal.ZERO));
		assertThat(d1.get(2).claimed()).isEqualByComparingTo("2500.75");
		assertThat(d1.get(4)).isEqualTo(ClaimTotals.NONE);
		assertThat(d1.get(8)).isEqualTo(ClaimTotals.NONE);
		assertThat(compute("D2").get("D2").claimsByStatus().get(4).claimed()).isEqualByComparingTo("4000");
	}

	@Test
	void aDistrictWithoutDataHasZeros() {
		DistrictIndicators empty = compute("D3").get("D3");

		assertThat(empty.insureesActive()).isZero();
		assertThat(empty.policiesActive()).isZero();
		assertThat(empty.contributionsAmount()).isEqualByComparingTo("0");
		assertThat(empty.claimsByStatus().values()).containsOnly(ClaimTotals.NONE);
	}

	@Test
	void aPolicyIsInForceFromItsEffectiveDateToItsExpiryDate() {
		HmisFacts.Policy policy = new HmisFacts.Policy("P", "F", 2, "N", d("2026-01-01"), d("2026-02-01"), d("2026-11-30"));
		assertThat(HmisIndicatorCalculator.inForce(policy, d("2026-02-01"))).isTrue();
		assertThat(HmisIndicatorCalculator.inForce(policy, d("2026-11-30"))).isTrue();
		assertThat(HmisIndicatorCalculator.inForce(policy, d("2026-01-31"))).isFalse();
		assertThat(HmisIndicatorCalculator.inForce(policy, d("2026-12-01"))).isFalse();
	}

	private static Map<String, DistrictIndicators> compute(String... districts) {
		return HmisIndicatorCalculator.compute(NOVEMBER, List.of(districts),
				new HmisFacts(FAMILIES, POLICIES, CONTRIBUTIONS, CLAIMS));
	}

	private static HmisFacts.ClaimFact claim(String id, String district, int status, String date, String claimed,
			String valuated) {
		return new HmisFacts.ClaimFact(id, district, status, d(date), new BigDecimal(claimed), new BigDecimal(valuated));
	}

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}
}
