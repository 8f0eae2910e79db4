package org.imisfhir.enrolment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A policy worth 10000, starting 1 Jun 2024, to be paid by 30 Jun 2024. */
class ContributionActivationTest {

	private static final LocalDate START = LocalDate.parse("2024-06-01");
	private static final LocalDate LAST_DATE_FOR_PAYMENT = LocalDate.parse("2024-06-30");

	private final ContributionActivation activation = new ContributionActivation(ActivationOption.ACTIVE);

	private static PolicyPayments idle(String earlier, int earlierCount, int maxInstallments) {
		return new PolicyPayments(new BigDecimal("10000"), new BigDecimal(earlier), earlierCount, PolicyStatus.IDLE, START,
				Optional.of(LAST_DATE_FOR_PAYMENT), maxInstallments);
	}

	private static PolicyPayments unpaid() {
		return idle("0", 0, 0);
	}

	private static Contribution paid(String amount, String payDate) {
		return new Contribution(new BigDecimal(amount), LocalDate.parse(payDate));
	}

	@Test
	void policyStatusesKeepTheirOpenImisCodes() {
		assertEquals(1, PolicyStatus.IDLE.code());
		assertEquals(2, PolicyStatus.ACTIVE.code());
		assertEquals(4, PolicyStatus.SUSPENDED.code());
		assertEquals(8, PolicyStatus.EXPIRED.code());
		assertEquals(16, PolicyStatus.READY.code());
	}

	@Test
	void rule_decisions_9_fullPaymentBeforeTheStartIsEffectiveFromTheStart() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("10000", "2024-05-10"), ContributionAction.NORMAL);

		assertEquals(PolicyStatus.ACTIVE, outcome.status());
		assertEquals(Optional.of(START), outcome.effectiveDate());
		assertEquals(Set.of(), outcome.warnings());
	}

	@Test
	void rule_decisions_9_lastInstallmentAfterTheStartIsEffectiveFromItsPayDate() {
		// 6000 earlier + 4000 now = 10000
		ContributionOutcome outcome = activation.apply(idle("6000", 1, 0), paid("4000", "2024-06-15"), ContributionAction.NORMAL);

		assertEquals(PolicyStatus.ACTIVE, outcome.status());
		assertEquals(Optional.of(LocalDate.parse("2024-06-15")), outcome.effectiveDate());
	}

	@Test
	void partialPaymentLeavesThePolicyAsItIs() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("4000", "2024-05-10"), ContributionAction.NORMAL);

		assertFalse(outcome.isRefused());
		assertEquals(PolicyStatus.IDLE, outcome.status());
		assertEquals(Optional.empty(), outcome.effectiveDate());
		assertEquals(Set.of(ContributionWarning.BALANCE_DUE), outcome.warnings());
	}

	@Test
	void rule_decisions_9_enforcedPartialPaymentActivatesFromTheLaterOfPayDateAndStart() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("4000", "2024-05-10"), ContributionAction.ENFORCE);

		assertEquals(PolicyStatus.ACTIVE, outcome.status());
		assertEquals(Optional.of(START), outcome.effectiveDate());
		assertEquals(Set.of(ContributionWarning.ENFORCED_BELOW_VALUE), outcome.warnings());
	}

	@Test
	void overpaymentActivatesWithAWarning() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("12000", "2024-06-10"), ContributionAction.NORMAL);

		assertEquals(PolicyStatus.ACTIVE, outcome.status());
		assertEquals(Optional.of(LocalDate.parse("2024-06-10")), outcome.effectiveDate());
		assertEquals(Set.of(ContributionWarning.OVERPAID), outcome.warnings());
	}

	@Test
	void contributionToAnActivePaidPolicyKeepsItsStatusAndEffectiveDate() {
		PolicyPayments active = new PolicyPayments(new BigDecimal("10000"), new BigDecimal("10000"), 1, PolicyStatus.ACTIVE,
				START, Optional.of(LAST_DATE_FOR_PAYMENT), 0);

		ContributionOutcome outcome = activation.apply(active, paid("500", "2024-06-20"), ContributionAction.NORMAL);

		assertEquals(PolicyStatus.ACTIVE, outcome.status());
		assertEquals(Optional.empty(), outcome.effectiveDate());
		assertEquals(Set.of(ContributionWarning.OVERPAID), outcome.warnings());
	}

	@Test
	void rule_decisions_10_readyOptionStoresAFullyPaidPolicyAsReady() {
		ContributionOutcome outcome = new ContributionActivation(ActivationOption.READY)
				.apply(unpaid(), paid("10000", "2024-05-10"), ContributionAction.NORMAL);

		assertEquals(PolicyStatus.READY, outcome.status());
		assertEquals(16, outcome.status().code());
		assertEquals(Optional.empty(), outcome.effectiveDate());
	}

	@Test
	void suspendActionSuspendsThePolicy() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("10000", "2024-05-10"), ContributionAction.SUSPEND);

		assertEquals(PolicyStatus.SUSPENDED, outcome.status());
		assertEquals(Optional.empty(), outcome.effectiveDate());
	}

	@Test
	void contributionPaidAfterTheLastDateForPaymentIsRefused() {
		ContributionOutcome late = activation.apply(unpaid(), paid("10000", "2024-07-01"), ContributionAction.NORMAL);
		ContributionOutcome onTheLastDay = activation.apply(unpaid(), paid("10000", "2024-06-30"), ContributionAction.NORMAL);

		assertEquals(Optional.of(ContributionRefusal.PAID_AFTER_LAST_DATE_FOR_PAYMENT), late.refusal());
		assertEquals(PolicyStatus.IDLE, late.status());
		assertEquals(Optional.empty(), late.effectiveDate());
		assertFalse(onTheLastDay.isRefused());
		assertEquals(PolicyStatus.ACTIVE, onTheLastDay.status());
	}

	@Test
	void contributionBeyondMaxInstallmentsIsRefused() {
		// max 2 installments: a second one passes, a third is refused
		ContributionOutcome second = activation.apply(idle("3000", 1, 2), paid("3000", "2024-05-10"), ContributionAction.NORMAL);
		ContributionOutcome third = activation.apply(idle("6000", 2, 2), paid("4000", "2024-05-10"), ContributionAction.NORMAL);

		assertFalse(second.isRefused());
		assertEquals(Optional.of(ContributionRefusal.TOO_MANY_INSTALLMENTS), third.refusal());
		assertEquals("too-many-installments", third.refusal().orElseThrow().code());
	}

	@Test
	void contributionWithoutDeadlineIsAcceptedLate() {
		PolicyPayments noDeadline = new PolicyPayments(new BigDecimal("10000"), BigDecimal.ZERO, 0, PolicyStatus.IDLE, START,
				Optional.empty(), 0);

		ContributionOutcome outcome = activation.apply(noDeadline, paid("10000", "2025-01-10"), ContributionAction.NORMAL);

		assertEquals(Optional.of(LocalDate.parse("2025-01-10")), outcome.effectiveDate());
	}

	@Test
	void zeroContributionIsRefused() {
		ContributionOutcome outcome = activation.apply(unpaid(), paid("0", "2024-05-10"), ContributionAction.ENFORCE);

		assertTrue(outcome.isRefused());
		assertEquals(Optional.of(ContributionRefusal.NOT_POSITIVE), outcome.refusal());
	}
}
