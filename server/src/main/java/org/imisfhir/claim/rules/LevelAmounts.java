package org.imisfhir.claim.rules;

import java.math.BigDecimal;

/**
 * A deductible or ceiling amount at one level with its in-patient and out-patient variants. Null or
 * zero means not set.
 */
public record LevelAmounts(BigDecimal general, BigDecimal inPatient, BigDecimal outPatient) {

	public static final LevelAmounts NONE = new LevelAmounts(null, null, null);

	public static LevelAmounts general(String amount) {
		return new LevelAmounts(new BigDecimal(amount), null, null);
	}

	public static LevelAmounts split(String inPatient, String outPatient) {
		return new LevelAmounts(null, amountOrNull(inPatient), amountOrNull(outPatient));
	}

	public BigDecimal variant(boolean hospitalVisit) {
		return hospitalVisit ? inPatient : outPatient;
	}

	static boolean isSet(BigDecimal amount) {
		return amount != null && amount.signum() > 0;
	}

	private static BigDecimal amountOrNull(String amount) {
		return amount == null ? null : new BigDecimal(amount);
	}
}
