package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.junit.jupiter.api.Test;

class ClaimProgrammeRuleTest {

	private static final LocalDate VISIT = LocalDate.of(2026, 6, 15);

	private static HeldPolicy policy(String programme, PolicyStatus status, String start, String expiry) {
		return new HeldPolicy(programme + "-1", programme, status, LocalDate.parse(start), LocalDate.parse(expiry));
	}

	@Test
	void availableProgrammesAreThoseOfferedAndHeldOnTheDateOfCare() {
		List<HeldPolicy> held = List.of(
				policy("CCS", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31"),   // offered, covers 15 June: yes
				policy("VIH", PolicyStatus.EXPIRED, "2025-07-01", "2026-06-30"),  // expired but 15 June inside: yes
				policy("PAL", PolicyStatus.ACTIVE, "2026-07-01", "2027-06-30"),   // starts after the visit: no
				policy("GRAT", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31")); // not offered at the facility: no
		assertThat(ClaimProgrammeRule.available(Set.of("CCS", "VIH", "PAL"), held, VISIT)).containsExactly("CCS", "VIH");
	}

	@Test
	void idleAndSuspendedPoliciesGiveNoProgramme() {
		List<HeldPolicy> held = List.of(policy("CCS", PolicyStatus.IDLE, "2026-01-01", "2026-12-31"),
				policy("VIH", PolicyStatus.SUSPENDED, "2026-01-01", "2026-12-31"));
		assertThat(ClaimProgrammeRule.available(Set.of("CCS", "VIH"), held, VISIT)).isEmpty();
	}

	@Test
	void theCoverEndsAreInclusive() {
		List<HeldPolicy> held = List.of(policy("CCS", PolicyStatus.ACTIVE, "2026-06-15", "2026-06-15"));
		assertThat(ClaimProgrammeRule.available(Set.of("CCS"), held, VISIT)).containsExactly("CCS");
	}

	@Test
	void aNamedProgrammeMustBeOfferedAndHeld() {
		List<HeldPolicy> held = List.of(policy("CCS", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31"));
		assertThat(ClaimProgrammeRule.choose(Optional.of("CCS"), Set.of("CCS"), held, VISIT).programme()).contains("CCS");
		assertThat(ClaimProgrammeRule.choose(Optional.of("VIH"), Set.of("CCS"), held, VISIT).refusal())
				.contains(ProgrammeRefusal.CLAIM_PROGRAMME_NOT_OFFERED);
		assertThat(ClaimProgrammeRule.choose(Optional.of("VIH"), Set.of("CCS", "VIH"), held, VISIT).refusal())
				.contains(ProgrammeRefusal.CLAIM_PROGRAMME_NOT_HELD);
	}

	@Test
	void anUnnamedProgrammeIsTheOnlyOneAvailableOrNone() {
		List<HeldPolicy> one = List.of(policy("CCS", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31"));
		assertThat(ClaimProgrammeRule.choose(Optional.empty(), Set.of("CCS", "VIH"), one, VISIT).programme()).contains("CCS");
		ClaimProgrammeRule.Choice none = ClaimProgrammeRule.choose(Optional.empty(), Set.of(), one, VISIT);
		assertThat(none.programme()).isEmpty();
		assertThat(none.refusal()).isEmpty();
	}

	@Test
	void anUnnamedProgrammeAmongSeveralIsRefused() {
		List<HeldPolicy> two = List.of(policy("CCS", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31"),
				policy("VIH", PolicyStatus.ACTIVE, "2026-01-01", "2026-12-31"));
		assertThat(ClaimProgrammeRule.choose(Optional.empty(), Set.of("CCS", "VIH"), two, VISIT).refusal())
				.contains(ProgrammeRefusal.CLAIM_PROGRAMME_AMBIGUOUS);
	}
}
