package org.imisfhir.registry.catalogue.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogueCodeRuleTest {

	private final CatalogueCodeRule rule = new CatalogueCodeRule(6);

	@Test
	void codeOfTheMaximumLengthIsAccepted() {
		assertThat(rule.check("0001")).isEmpty();
		assertThat(rule.check("ABCDEF")).isEmpty();
	}

	@Test
	void codeOneCharacterTooLongIsRefusedWithItsLengthAndTheMaximum() {
		CatalogueCodeRule.Refusal refusal = rule.check("ABCDEFG").orElseThrow();

		assertThat(refusal.violation()).isEqualTo(CatalogueViolation.CODE_TOO_LONG);
		assertThat(refusal.arguments()).containsExactly("ABCDEFG", 7, 6);
	}

	@Test
	void missingOrBlankCodeIsRefused() {
		assertThat(rule.check(null).orElseThrow().violation()).isEqualTo(CatalogueViolation.CODE_MISSING);
		assertThat(rule.check("  ").orElseThrow().violation()).isEqualTo(CatalogueViolation.CODE_MISSING);
	}

	@Test
	void maximumIsConfigurable() {
		CatalogueCodeRule longer = new CatalogueCodeRule(10);

		assertThat(longer.check("TR00012345")).isEmpty();
		assertThat(longer.check("TR000123456")).isPresent();
	}

	@Test
	void maximumBelowOneIsAConfigurationError() {
		assertThatThrownBy(() -> new CatalogueCodeRule(0)).isInstanceOf(IllegalArgumentException.class);
	}
}
