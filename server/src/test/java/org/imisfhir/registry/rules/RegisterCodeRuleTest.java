package org.imisfhir.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.imisfhir.registry.RegistryViolation;
import org.junit.jupiter.api.Test;

class RegisterCodeRuleTest {

	@Test
	void codesUpToTheMaximumAreAccepted() {
		assertThat(RegisterCodeRule.check("R1D1M1V1", 8)).isEmpty(); // 8 characters, the openIMIS maximum
		assertThat(RegisterCodeRule.check("A", 8)).isEmpty();
	}

	@Test
	void missingBlankAndTooLongCodesAreRefused() {
		assertThat(RegisterCodeRule.check(null, 8)).contains(RegistryViolation.CODE_MISSING);
		assertThat(RegisterCodeRule.check("  ", 8)).contains(RegistryViolation.CODE_MISSING);
		assertThat(RegisterCodeRule.check("R1D1M1V10", 8)).contains(RegistryViolation.CODE_TOO_LONG); // 9 characters
	}

	@Test
	void catchmentPercentageIsAboveZeroAndAtMostHundred() {
		assertThat(CatchmentRule.checkPercentage(new BigDecimal("100"))).isEmpty();
		assertThat(CatchmentRule.checkPercentage(new BigDecimal("0.5"))).isEmpty();
		assertThat(CatchmentRule.checkPercentage(BigDecimal.ZERO)).contains(RegistryViolation.CATCHMENT_PERCENTAGE);
		assertThat(CatchmentRule.checkPercentage(new BigDecimal("100.01"))).contains(RegistryViolation.CATCHMENT_PERCENTAGE);
		assertThat(CatchmentRule.checkPercentage(null)).contains(RegistryViolation.CATCHMENT_PERCENTAGE);
	}
}
