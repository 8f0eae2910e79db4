package org.imisfhir.claim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Compares amounts by value, so that 31 and 31.00 are equal; short date and amount helpers. */
public final class Amounts {

	private Amounts() {
	}

	public static BigDecimal amount(String value) {
		return new BigDecimal(value);
	}

	public static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}

	public static void assertAmount(String expected, BigDecimal actual) {
		assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual.toPlainString());
	}
}
