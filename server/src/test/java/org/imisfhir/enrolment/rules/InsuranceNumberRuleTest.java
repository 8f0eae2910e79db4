package org.imisfhir.enrolment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InsuranceNumberRuleTest {

	private static final InsuranceNumberRule ANY = new InsuranceNumberRule(0, 0);

	private static Optional<InsuranceNumberRefusal> refusal(InsuranceNumberRefusal reason) {
		return Optional.of(reason);
	}

	@Test
	void emptyNumberIsRefused() {
		assertEquals(refusal(InsuranceNumberRefusal.EMPTY), ANY.check(null));
		assertEquals(refusal(InsuranceNumberRefusal.EMPTY), ANY.check(""));
		assertEquals(refusal(InsuranceNumberRefusal.EMPTY), ANY.check("   "));
		assertEquals("empty", InsuranceNumberRefusal.EMPTY.code());
	}

	@Test
	void fundingNumberIsReservedByDefault() {
		assertEquals(refusal(InsuranceNumberRefusal.RESERVED), ANY.check("999999999"));
		assertEquals(Optional.empty(), ANY.check("999999998"));
	}

	@Test
	void reservedNumbersAreConfigurable() {
		InsuranceNumberRule rule = new InsuranceNumberRule(0, 0, Set.of("000000000"));

		assertEquals(refusal(InsuranceNumberRefusal.RESERVED), rule.check("000000000"));
		assertEquals(Optional.empty(), rule.check("999999999"));
	}

	@Test
	void numberOfTheWrongLengthIsRefused() {
		InsuranceNumberRule nineDigits = new InsuranceNumberRule(9, 0);

		assertEquals(refusal(InsuranceNumberRefusal.WRONG_LENGTH), nineDigits.check("12345678"));
		assertEquals(refusal(InsuranceNumberRefusal.WRONG_LENGTH), nineDigits.check("1234567890"));
		assertEquals("wrong-length", InsuranceNumberRefusal.WRONG_LENGTH.code());
		assertTrue(nineDigits.isValid("123456789"));
	}

	@Test
	void moduloRootTenMeansLuhn() {
		// 79927398713 passes Luhn; as a plain modulo 10 it would fail (7992739871 % 10 = 1, not 3)
		InsuranceNumberRule luhn = new InsuranceNumberRule(11, InsuranceNumberRule.LUHN);

		assertTrue(luhn.isValid("79927398713"));
		assertEquals(refusal(InsuranceNumberRefusal.BAD_CHECK_DIGIT), luhn.check("79927398710"));
	}

	@Test
	void luhnIsNotAPlainModuloTen() {
		// 1233: plain modulo 10 passes (123 % 10 = 3); Luhn sum 3 + 6 + 2 + 2 = 13 fails
		InsuranceNumberRule luhn = new InsuranceNumberRule(0, InsuranceNumberRule.LUHN);

		assertEquals(refusal(InsuranceNumberRefusal.BAD_CHECK_DIGIT), luhn.check("1233"));
	}

	@Test
	void otherModuloRootChecksTheLastDigitAgainstTheRestOfTheNumber() {
		// 123456 % 7 = 4 (7 x 17636 = 123452)
		InsuranceNumberRule modulo7 = new InsuranceNumberRule(0, 7);

		assertTrue(modulo7.isValid("1234564"));
		assertEquals(refusal(InsuranceNumberRefusal.BAD_CHECK_DIGIT), modulo7.check("1234565"));
		assertEquals("bad-check-digit", InsuranceNumberRefusal.BAD_CHECK_DIGIT.code());
	}

	@Test
	void numberWithACheckDigitMustBeNumeric() {
		InsuranceNumberRule modulo7 = new InsuranceNumberRule(0, 7);

		assertEquals(refusal(InsuranceNumberRefusal.NOT_NUMERIC), modulo7.check("12A4564"));
		assertEquals("not-numeric", InsuranceNumberRefusal.NOT_NUMERIC.code());
	}

	@Test
	void numberWithoutCheckDigitMayHoldLetters() {
		assertTrue(ANY.isValid("AB-1234"));
	}

	@Test
	void singleDigitCannotCarryAModuloCheck() {
		assertEquals(refusal(InsuranceNumberRefusal.BAD_CHECK_DIGIT), new InsuranceNumberRule(0, 7).check("0"));
	}

	@Test
	void numbersLongerThanALongAreChecked() {
		// body 12345678901234567890 exceeds Long.MAX_VALUE; 12345678901234567890 % 7 = 1
		InsuranceNumberRule modulo7 = new InsuranceNumberRule(0, 7);

		assertTrue(modulo7.isValid("123456789012345678901"));
		assertEquals(refusal(InsuranceNumberRefusal.BAD_CHECK_DIGIT), modulo7.check("123456789012345678902"));
	}
}
