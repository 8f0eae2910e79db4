package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Permanent numbers the server gives on sync follow the country's rule (decision 0027). */
class InsuranceNumberGeneratorTest {

	@Test
	void luhnCheckDigitWorkedByHand() {
		// body 12345678, doubling from the right: 8→16→7, 7, 6→12→3, 5, 4→8, 3, 2→4, 1: sum 38, check (10 - 8) % 10 = 2
		assertThat(InsuranceNumberGenerator.checkDigit("12345678", 10)).isEqualTo(2);
		assertThat(InsuranceNumberRule.passesLuhn("123456782")).isTrue();
		// body 7992739871 (the textbook example): check digit 3
		assertThat(InsuranceNumberGenerator.checkDigit("7992739871", 10)).isEqualTo(3);
	}

	@Test
	void moduloCheckDigitWorkedByHand() {
		// 12345678 = 7 × 1763668 + 2: check digit 2 for modulo 7
		assertThat(InsuranceNumberGenerator.checkDigit("12345678", 7)).isEqualTo(2);
		// 12345678 = 11 × 1122334 + 4: check digit 4 for modulo 11
		assertThat(InsuranceNumberGenerator.checkDigit("12345678", 11)).isEqualTo(4);
		// 21 = 11 × 1 + 10: no single digit fits modulo 11
		assertThat(InsuranceNumberGenerator.checkDigit("21", 11)).isEqualTo(-1);
	}

	@Test
	void drawnNumbersSatisfyTheCountrysRule() {
		Random random = new Random(27);
		for (int root : new int[] {0, 7, 10, 11}) {
			InsuranceNumberRule rule = new InsuranceNumberRule(9, root, Set.of("999999999"), "TMP");
			InsuranceNumberGenerator generator = new InsuranceNumberGenerator(rule, 12);
			for (int i = 0; i < 500; i++) {
				String number = generator.next(random);
				assertThat(number).hasSize(9).doesNotStartWith("0").containsOnlyDigits();
				assertThat(rule.check(number)).as(number + " for root " + root).isEmpty();
			}
		}
	}

	@Test
	void withoutALengthTheDefaultLengthIsUsed() {
		InsuranceNumberGenerator generator = new InsuranceNumberGenerator(new InsuranceNumberRule(0, 10), 9);
		assertThat(generator.next(new Random(1))).hasSize(9);
	}
}
