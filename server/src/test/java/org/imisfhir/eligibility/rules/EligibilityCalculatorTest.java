package org.imisfhir.eligibility.rules;

import org.imisfhir.claim.rules.AllowanceResolver.Scope;
import org.imisfhir.claim.rules.AllowanceTerms;
import org.imisfhir.claim.rules.AllowanceUsage;
import org.imisfhir.claim.rules.EarlierClaim;
import org.imisfhir.claim.rules.EarlierLine;
import org.imisfhir.claim.rules.InsureeHistory;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.LevelAmounts;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.Product;
import org.imisfhir.claim.rules.ServiceCategory;
import org.imisfhir.enrolment.rules.PolicyStage;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.rules.CoverageBuilder.cover;
import static org.imisfhir.claim.rules.PolicyBuilder.policy;
import static org.imisfhir.claim.rules.ProductBuilder.product;

/**
 * Balances of an insuree whose policy runs 2024-01-01 to 2024-12-31 (new policy), on a product allowing 3
 * consultations and 1 delivery a year (delivery at most 20,000 per claim), a treatment deductible of 500,
 * an insuree out-patient ceiling of 10,000 and in-patient 50,000, a policy (family) general ceiling of 100,000,
 * and paracetamol at most 30 a year with a 2-month waiting period for adults.
 */
class EligibilityCalculatorTest {

	private static final MedicalRef PARA = MedicalRef.item("PARA");
	private static final MedicalRef CONS = MedicalRef.service("CONS");
	private static final MedicalRef XRAY = MedicalRef.service("XRAY");
	private static final String ME = "Patient/1";
	private static final String SISTER = "Patient/2";

	private final EligibilityCalculator calculator = new EligibilityCalculator();

	private static Product scheme() {
		return product("SCHEME")
				.deductibles(AllowanceTerms.treatment(LevelAmounts.general("500")))
				.ceilings(new AllowanceTerms(null, LevelAmounts.split("50000", "10000"), LevelAmounts.general("100000")))
				.maxCount(ServiceCategory.CONSULTATION, 3)
				.maxCount(ServiceCategory.DELIVERY, 1)
				.maxAmount(ServiceCategory.DELIVERY, "20000")
				.covers(cover(PARA).maxQuantity(30, 30).waitingMonths(2, 0))
				.covers(cover(CONS))
				.build();
	}

	private static InsureePolicy active() {
		return policy("Coverage/1", scheme()).policyPeriod("2024-01-01", "2024-12-31").build();
	}

	@Test
	void countsAndAmountsLeftFollowTheEarlierClaimsOfThePeriod() {
		// 2 consultations in 2024 and 1 in 2023 (outside the period): 3 - 2 = 1 consultation left; no delivery yet: 1 left
		// paracetamol 12 + 10 used in 2024: 30 - 22 = 8 left; the waiting period of 2 months runs to 2024-03-01
		// out-patient ceiling at insuree level: 10,000 - 2,500 (mine, out-patient) = 7,500; the sister's use does not count
		// in-patient: 50,000 - 4,000 (mine, in-patient) = 46,000
		// general ceiling at policy level: the family's 2,500 + 4,000 + 1,000 = 7,500 used: 100,000 - 7,500 = 92,500
		// the deductible is per treatment: 500 whatever was used before
		InsureeHistory history = new InsureeHistory(
				List.of(new EarlierLine(PARA, LocalDate.parse("2024-02-10"), new BigDecimal("12")),
						new EarlierLine(PARA, LocalDate.parse("2024-05-10"), new BigDecimal("10")),
						new EarlierLine(PARA, LocalDate.parse("2023-12-10"), new BigDecimal("9"))),
				List.of(new EarlierClaim("C1", LocalDate.parse("2024-02-10"), ServiceCategory.CONSULTATION),
						new EarlierClaim("C2", LocalDate.parse("2024-05-10"), ServiceCategory.CONSULTATION),
						new EarlierClaim("C0", LocalDate.parse("2023-12-10"), ServiceCategory.CONSULTATION)),
				List.of(new AllowanceUsage("C1", "Coverage/1", ME, false, BigDecimal.ZERO, new BigDecimal("2500")),
						new AllowanceUsage("C3", "Coverage/1", ME, true, BigDecimal.ZERO, new BigDecimal("4000")),
						new AllowanceUsage("C4", "Coverage/1", SISTER, false, BigDecimal.ZERO, new BigDecimal("1000"))));

		List<PolicyBalance> balances = calculator.balances(List.of(active()), history, ME, true,
				LocalDate.parse("2024-06-01"), Optional.of(PARA));

		assertThat(balances).hasSize(1);
		PolicyBalance balance = balances.get(0);
		assertThat(balance.claimsLeft()).containsEntry(ServiceCategory.CONSULTATION, 1).containsEntry(ServiceCategory.DELIVERY, 1);
		assertThat(balance.maximumAmounts().get(ServiceCategory.DELIVERY)).isEqualByComparingTo("20000");
		assertThat(balance.deductibleLeft().get(Scope.GENERAL)).isEqualByComparingTo("500");
		assertThat(balance.ceilingLeft().get(Scope.OUT_PATIENT)).isEqualByComparingTo("7500");
		assertThat(balance.ceilingLeft().get(Scope.IN_PATIENT)).isEqualByComparingTo("46000");
		assertThat(balance.ceilingLeft().get(Scope.GENERAL)).isEqualByComparingTo("92500");
		assertThat(balance.item()).hasValueSatisfying(item -> {
			assertThat(item.covered()).isTrue();
			assertThat(item.quantityLeft()).isEqualTo(8);
			assertThat(item.coveredFrom()).isEqualTo(LocalDate.parse("2024-03-01"));
		});
	}

	@Test
	void nothingIsLeftBelowZeroAndAnUncoveredServiceSaysSo() {
		// 4 consultations against a maximum of 3: 0 left, not -1; 35 paracetamol against 30: 0 left
		InsureeHistory history = new InsureeHistory(
				List.of(new EarlierLine(PARA, LocalDate.parse("2024-02-10"), new BigDecimal("35"))),
				List.of(new EarlierClaim("C1", LocalDate.parse("2024-02-10"), ServiceCategory.CONSULTATION),
						new EarlierClaim("C2", LocalDate.parse("2024-03-10"), ServiceCategory.CONSULTATION),
						new EarlierClaim("C3", LocalDate.parse("2024-04-10"), ServiceCategory.CONSULTATION),
						new EarlierClaim("C4", LocalDate.parse("2024-05-10"), ServiceCategory.CONSULTATION)),
				List.of());

		PolicyBalance balance = calculator.balances(List.of(active()), history, ME, true, LocalDate.parse("2024-06-01"),
				Optional.of(PARA)).get(0);
		assertThat(balance.claimsLeft()).containsEntry(ServiceCategory.CONSULTATION, 0);
		assertThat(balance.item().orElseThrow().quantityLeft()).isZero();

		PolicyBalance xray = calculator.balances(List.of(active()), history, ME, true, LocalDate.parse("2024-06-01"),
				Optional.of(XRAY)).get(0);
		assertThat(xray.item().orElseThrow().covered()).isFalse();
	}

	@Test
	void onlyPoliciesInForceOnTheDateAreListed() {
		// expired on 2024-12-31 counts until then (status expired still covers claims of its period); idle never
		InsureePolicy idle = policy("Coverage/2", scheme()).status(PolicyStatus.IDLE).policyPeriod("2024-01-01", "2024-12-31").build();
		InsureePolicy renewal = policy("Coverage/3", scheme()).stage(PolicyStage.RENEWAL).policyPeriod("2025-01-01", "2025-12-31").build();

		assertThat(calculator.balances(List.of(active(), idle, renewal), InsureeHistory.EMPTY, ME, true,
				LocalDate.parse("2024-06-01"), Optional.empty()))
				.extracting(b -> b.policy().policyId()).containsExactly("Coverage/1");
		// a renewal has no waiting period: paracetamol covered from the insuree's cover start
		assertThat(calculator.balances(List.of(renewal), InsureeHistory.EMPTY, ME, true, LocalDate.parse("2025-02-01"),
				Optional.of(PARA)).get(0).item().orElseThrow().coveredFrom()).isEqualTo(LocalDate.parse("2025-01-01"));
	}
}
