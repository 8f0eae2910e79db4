package org.imisfhir.claim.rules;

import static org.imisfhir.claim.rules.Amounts.amount;
import static org.imisfhir.claim.rules.Amounts.assertAmount;
import static org.imisfhir.claim.rules.ClaimScenario.CHILD;
import static org.imisfhir.claim.rules.ClaimScenario.PARA;
import static org.imisfhir.claim.rules.ClaimScenario.claim;
import static org.imisfhir.claim.rules.CoverageBuilder.cover;
import static org.imisfhir.claim.rules.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProductAssignerTest {

	private final ProductAssigner assigner = new ProductAssigner();

	private static Candidate candidate(String code, CoverageBuilder coverage) {
		return new Candidate(policy("POL-" + code, ProductBuilder.product(code).covers(coverage).build()).build(), coverage.build());
	}

	private static Candidate fixed(String code, String adult, String child) {
		return candidate(code, cover(PARA).limits(LimitTerms.fixed(adult, child)));
	}

	private static Candidate coInsurance(String code, String adult, String child) {
		return candidate(code, cover(PARA).limits(LimitTerms.coInsurance(adult, child)));
	}

	private Assignment assign(String price, Candidate... candidates) {
		return assigner.assign(VisitType.OTHER, true, amount(price), List.of(candidates)).orElseThrow();
	}

	@Test
	void fixedLimitOfZeroMeansNoCapAndWins() {
		Assignment chosen = assign("100", coInsurance("C", "80", "80"), fixed("F", "0", "0"));

		assertEquals(Limitation.FIXED, chosen.limitation());
		assertEquals("F", chosen.product().code());
	}

	@Test
	void fixedLimitAboveThePriceWins() {
		// F 120 > price 100.
		assertEquals(Limitation.FIXED, assign("100", coInsurance("C", "90", "90"), fixed("F", "120", "120")).limitation());
	}

	@Test
	void coInsuranceWinsWhenItLeavesTheInsureeLess() {
		// Price 100: F 60 leaves 40 to the insuree, C 80 % leaves 20; 20 > 40 is false, so C.
		Assignment chosen = assign("100", coInsurance("C", "80", "80"), fixed("F", "60", "60"));

		assertEquals(Limitation.CO_INSURANCE, chosen.limitation());
		assertAmount("80", chosen.limitationValue());
	}

	@Test
	void fixedWinsWhenItLeavesTheInsureeLess() {
		// Price 100: F 90 leaves 10, C 80 % leaves 20; 20 > 10, so F.
		Assignment chosen = assign("100", coInsurance("C", "80", "80"), fixed("F", "90", "90"));

		assertEquals(Limitation.FIXED, chosen.limitation());
		assertAmount("90", chosen.limitationValue());
	}

	@Test
	void fullCoInsuranceWinsOverAFixedLimitBelowThePrice() {
		// C 100 % leaves nothing to the insuree.
		assertEquals(Limitation.CO_INSURANCE, assign("100", coInsurance("C", "100", "100"), fixed("F", "99", "99")).limitation());
	}

	@Test
	void highestLimitOfEachKindCompetes() {
		// F 50 and F 70 against C 75 % at price 100: best F 70 leaves 30, C leaves 25; 25 > 30 is false, so C.
		// Against C 65 %: C leaves 35 > 30, so F 70 (not F 50).
		assertEquals(Limitation.CO_INSURANCE, assign("100", fixed("F50", "50", "50"), fixed("F70", "70", "70"), coInsurance("C", "75", "75")).limitation());
		Assignment chosen = assign("100", fixed("F50", "50", "50"), fixed("F70", "70", "70"), coInsurance("C", "65", "65"));
		assertEquals("F70", chosen.product().code());
	}

	@Test
	void visitTypePicksTheLimits() {
		// Product A: F 90 normally, F 10 in emergencies; product B: C 80 %. Price 100.
		// Normal: F 90 leaves 10 < 20, so A. Emergency: F 10 leaves 90 > 20, so B.
		Candidate a = candidate("A", cover(PARA).limits(LimitTerms.fixed("90", "90")).emergency(LimitTerms.fixed("10", "10")));
		Candidate b = coInsurance("B", "80", "80");

		assertEquals("A", assigner.assign(VisitType.OTHER, true, amount("100"), List.of(a, b)).orElseThrow().product().code());
		assertEquals("B", assigner.assign(VisitType.EMERGENCY, true, amount("100"), List.of(a, b)).orElseThrow().product().code());
	}

	@Test
	void referralCanSwitchTheLimitationTypeItself() {
		// One product, F 0 normally but C 50 % on referral: with no other candidate the referral line is co-insured.
		Candidate only = candidate("A", cover(PARA).referral(LimitTerms.coInsurance("50", "50")));

		Assignment referral = assigner.assign(VisitType.REFERRAL, true, amount("100"), List.of(only)).orElseThrow();
		assertEquals(Limitation.CO_INSURANCE, referral.limitation());
		assertAmount("50", referral.limitationValue());
	}

	@Test
	void childLimitsApplyToChildren_ruleDecisions2() {
		// F 90 for adults, 40 for children; C 80 %. Price 100: adult F leaves 10 -> F; child F leaves 60 > 20 -> C.
		Candidate f = fixed("F", "90", "40");
		Candidate c = coInsurance("C", "80", "80");

		assertEquals(Limitation.FIXED, assigner.assign(VisitType.OTHER, true, amount("100"), List.of(f, c)).orElseThrow().limitation());
		assertEquals(Limitation.CO_INSURANCE, assigner.assign(VisitType.OTHER, false, amount("100"), List.of(f, c)).orElseThrow().limitation());
	}

	@Test
	void noCandidateAssignsNothing() {
		assertTrue(assigner.assign(VisitType.OTHER, true, amount("100"), List.of()).isEmpty());
	}

	@Test
	void checkerAssignsAgainstTheApprovedPriceForTheChildOnTheTargetDate_ruleDecisions21() {
		// Child: F child limit 40, C 80 %. Asked 100: F leaves 60 > 20 -> C. Approved 45: F 40 leaves 5 < 9 -> F.
		ClaimScenario scenario = claim().insuree(CHILD).policies(
				policy("POL-F", ProductBuilder.product("F").covers(cover(PARA).limits(LimitTerms.fixed("90", "40"))).build()).build(),
				policy("POL-C", ProductBuilder.product("C").covers(cover(PARA).limits(LimitTerms.coInsurance("80", "80"))).build()).build());

		assertEquals("POL-C", scenario.line(PARA, "1", "100").check().line(0).assignment().policy().policyId());
		ClaimScenario approved = claim().insuree(CHILD).policies(
				policy("POL-F", ProductBuilder.product("F").covers(cover(PARA).limits(LimitTerms.fixed("90", "40"))).build()).build(),
				policy("POL-C", ProductBuilder.product("C").covers(cover(PARA).limits(LimitTerms.coInsurance("80", "80"))).build()).build())
				.line(ClaimLine.of(PARA, "1", "100").approved(null, amount("45")));
		assertEquals("POL-F", approved.check().line(0).assignment().policy().policyId());
	}
}
