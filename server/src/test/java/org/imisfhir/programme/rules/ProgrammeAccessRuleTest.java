package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgrammeAccessRuleTest {

	@Test
	void aUserWithoutProgrammesWorksOnAllOfThem() {
		assertThat(ProgrammeAccessRule.limited(List.of())).isFalse();
		assertThat(ProgrammeAccessRule.allowed(List.of(), Set.of("PAL"))).isTrue();
		// blank codes (an empty claim "programmes": "") limit nobody
		assertThat(ProgrammeAccessRule.limited(List.of(" "))).isFalse();
	}

	@Test
	void aChequeSanteUserWorksOnChequeSanteClaimsAndPoliciesOnly() {
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS"), Set.of("CCS"))).isTrue();
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS"), Set.of("PAL"))).isFalse();
	}

	@Test
	void aResourceOfNoProgrammeIsEveryones() {
		// an ordinary policy of the scheme, without programme class
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS"), Set.of())).isTrue();
	}

	@Test
	void oneProgrammeInCommonIsEnough() {
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS", "GRAT"), Set.of("GRAT"))).isTrue();
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS", "GRAT"), Set.of("VIH", "PAL"))).isFalse();
	}

	@Test
	void codesCompareWithoutCaseOrBlanks() {
		assertThat(ProgrammeAccessRule.allowed(List.of(" ccs "), Set.of("CCS"))).isTrue();
	}

	@Test
	void anUnknownProgrammeNamedByItsReferenceIsNobodysButTheUnlimited() {
		assertThat(ProgrammeAccessRule.allowed(List.of("CCS"), Set.of("PlanDefinition/unknown"))).isFalse();
		assertThat(ProgrammeAccessRule.allowed(List.of(), Set.of("PlanDefinition/unknown"))).isTrue();
	}
}
