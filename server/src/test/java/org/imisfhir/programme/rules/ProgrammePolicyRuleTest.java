package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.junit.jupiter.api.Test;

/** The Cameroon programmes of reference §3: CCS blocks a new PAL policy and sets an active PAL policy back to idle. */
class ProgrammePolicyRuleTest {

	private static final LocalDate START = LocalDate.of(2026, 1, 1);
	private static final LocalDate END = LocalDate.of(2026, 12, 31);

	private final ProgrammePolicyRule cameroon = new ProgrammePolicyRule(true, Map.of(
			"CCS", new ProgrammeTerms("CCS", Set.of("PAL"), Set.of("PAL"), true),
			"PAL", ProgrammeTerms.plain("PAL"),
			"VIH", ProgrammeTerms.plain("VIH")));

	private static HeldPolicy policy(String id, String programme, PolicyStatus status) {
		return new HeldPolicy(id, programme, status, START, END);
	}

	@Test
	void aFirstPolicyIsAdmittedAndWaitsForItsContributions() {
		PolicyAdmission admission = cameroon.admitNew("VIH", new BigDecimal("5000"), List.of());
		assertThat(admission.admitted()).isTrue();
		assertThat(admission.toIdle()).isEmpty();
		assertThat(admission.activateAtOnce()).isFalse();
	}

	@Test
	void anActivePolicyOfTheSameProgrammeRefusesTheNewOne() {
		HeldPolicy active = policy("c1", "VIH", PolicyStatus.ACTIVE);
		PolicyAdmission admission = cameroon.admitNew("VIH", new BigDecimal("5000"), List.of(active));
		assertThat(admission.refusal()).contains(ProgrammeRefusal.SAME_PROGRAMME_ACTIVE);
		assertThat(admission.conflicting()).contains(active);
	}

	@Test
	void idleSuspendedOrExpiredPoliciesOfTheSameProgrammeDoNotStandInTheWay() {
		List<HeldPolicy> held = List.of(policy("c1", "VIH", PolicyStatus.IDLE), policy("c2", "VIH", PolicyStatus.SUSPENDED),
				policy("c3", "VIH", PolicyStatus.EXPIRED));
		assertThat(cameroon.admitNew("VIH", BigDecimal.TEN, held).admitted()).isTrue();
	}

	@Test
	void withoutOnePolicyPerProgrammeTwoActivePoliciesOfOneProgrammeAreAllowed() {
		ProgrammePolicyRule relaxed = new ProgrammePolicyRule(false, Map.of());
		assertThat(relaxed.admitNew("VIH", BigDecimal.TEN, List.of(policy("c1", "VIH", PolicyStatus.ACTIVE))).admitted()).isTrue();
	}

	@Test
	void anActiveChequeSantePolicyBlocksANewPalPolicy() {
		HeldPolicy ccs = policy("c1", "CCS", PolicyStatus.ACTIVE);
		PolicyAdmission admission = cameroon.admitNew("PAL", BigDecimal.TEN, List.of(ccs));
		assertThat(admission.refusal()).contains(ProgrammeRefusal.BLOCKED_BY_PROGRAMME);
		assertThat(admission.conflicting()).contains(ccs);
	}

	@Test
	void anIdleChequeSantePolicyDoesNotBlockPal() {
		assertThat(cameroon.admitNew("PAL", BigDecimal.TEN, List.of(policy("c1", "CCS", PolicyStatus.IDLE))).admitted()).isTrue();
	}

	@Test
	void aNewChequeSantePolicySetsAnActivePalPolicyBackToIdleAndLeavesTheOthers() {
		HeldPolicy pal = policy("p1", "PAL", PolicyStatus.ACTIVE);
		HeldPolicy vih = policy("v1", "VIH", PolicyStatus.ACTIVE);
		HeldPolicy idlePal = policy("p2", "PAL", PolicyStatus.IDLE);
		PolicyAdmission admission = cameroon.admitNew("CCS", BigDecimal.ZERO, List.of(pal, vih, idlePal));
		assertThat(admission.admitted()).isTrue();
		assertThat(admission.toIdle()).containsExactly(pal);
		// Chèque Santé is free for the mother: value 0, so it is active at once
		assertThat(admission.activateAtOnce()).isTrue();
	}

	@Test
	void aPalPolicyDoesNotBlockOrIdleAChequeSantePolicy() {
		PolicyAdmission admission = cameroon.admitNew("CCS", BigDecimal.ONE, List.of(policy("p1", "PAL", PolicyStatus.ACTIVE)));
		assertThat(admission.admitted()).isTrue();
		assertThat(admission.activateAtOnce()).isFalse();
		// CCS idles PAL: one active PAL policy goes back to idle even when CCS is not free
		assertThat(admission.toIdle()).extracting(HeldPolicy::id).containsExactly("p1");
	}

	@Test
	void aValueOfZeroPointZeroZeroIsFreeToo() {
		// BigDecimal 0.00 is not equal() to 0 but has signum 0
		assertThat(cameroon.admitNew("GRAT", new BigDecimal("0.00"), List.of()).activateAtOnce()).isTrue();
	}

	@Test
	void activationIsCheckedLikeANewPolicyButNeverActivatesAtOnce() {
		// a PAL policy paid up while a CCS policy of the family became active in the meantime
		HeldPolicy ccs = policy("c1", "CCS", PolicyStatus.ACTIVE);
		assertThat(cameroon.admitActivation("PAL", List.of(ccs)).refusal()).contains(ProgrammeRefusal.BLOCKED_BY_PROGRAMME);
		PolicyAdmission vih = cameroon.admitActivation("VIH", List.of(ccs));
		assertThat(vih.admitted()).isTrue();
		assertThat(vih.activateAtOnce()).isFalse();
	}

	@Test
	void policiesWithoutProgrammeAreIgnored() {
		assertThat(cameroon.admitNew("VIH", BigDecimal.TEN, List.of(policy("x", null, PolicyStatus.ACTIVE))).admitted()).isTrue();
	}
}
