package org.imisfhir.claim.rules;

import static org.imisfhir.claim.rules.Amounts.amount;
import static org.imisfhir.claim.rules.Amounts.assertAmount;
import static org.imisfhir.claim.rules.ClaimScenario.CONS;
import static org.imisfhir.claim.rules.ClaimScenario.PARA;
import static org.imisfhir.claim.rules.ClaimScenario.claim;
import static org.imisfhir.claim.rules.CoverageBuilder.cover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClaimProcessorTest {

	private final ClaimProcessor processor = new ClaimProcessor();

	private static ProductBuilder consultationRelative() {
		return ProductBuilder.product("PRD").coversInFull(PARA).covers(cover(CONS).origin(PriceOrigin.RELATIVE));
	}

	private ProcessOutcome process(ClaimScenario scenario) {
		ClaimContext context = scenario.context();
		ClaimCheck check = new ClaimChecker().check(context);
		return processor.process(check, new ClaimValuator().valuate(context, check));
	}

	@Test
	void claimWithoutRelativePricesIsValuatedAtItsApprovedAmount() {
		// 3 x 10 = 30 less a deductible of 10 = 20.
		ProcessOutcome outcome = process(claim().product(ClaimScenario.fullCover("PRD")
				.deductibles(AllowanceTerms.treatment(LevelAmounts.general("10")))).line(PARA, "3", "10"));

		assertEquals(ClaimStatus.VALUATED, outcome.status());
		assertEquals(16, outcome.status().code());
		assertEquals(amount("20.00"), outcome.approved());
		assertEquals(amount("20.00"), outcome.valuated());
		assertAmount("20", outcome.remuneratedLines().get(0));
	}

	@Test
	void passedRelativeLineLeavesTheClaimProcessedForTheBatch() {
		// PARA 30 (price list) + CONS 100 (relative): approved 130, not valuated; only PARA is paid now.
		ProcessOutcome outcome = process(claim().product(consultationRelative()).line(PARA, "3", "10").line(CONS, "1", "100"));

		assertEquals(ClaimStatus.PROCESSED, outcome.status());
		assertEquals(8, outcome.status().code());
		assertEquals(amount("130.00"), outcome.approved());
		assertNull(outcome.valuated());
		assertAmount("30", outcome.remuneratedLines().get(0));
		assertFalse(outcome.remuneratedLines().containsKey(1));
	}

	@Test
	void rejectedRelativeLineDoesNotHoldTheClaim() {
		ProcessOutcome outcome = process(claim().product(consultationRelative()).offPriceList(CONS)
				.line(PARA, "3", "10").line(CONS, "1", "100"));

		assertEquals(ClaimStatus.VALUATED, outcome.status());
		assertEquals(amount("30.00"), outcome.valuated());
	}

	@Test
	void rejectedClaimCannotBeProcessed() {
		assertThrows(IllegalStateException.class, () -> process(claim().claimed("2024-03-01").line(PARA, "1", "10")));
	}
}
