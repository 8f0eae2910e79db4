package org.imisfhir.enrolment.rules;

import java.util.random.RandomGenerator;

/**
 * Draws permanent insurance numbers that satisfy the country's rule: the exact length (or a default length when
 * the country sets none), digits only, a first digit that is not 0, and the check digit of the rule (Luhn for
 * root 10, {@code body mod n} for another root n). A draw that the rule refuses anyway (reserved, or no single
 * check digit fits, as happens when {@code body mod n} is 10 or more) is drawn again. Whether the number is
 * already taken is a fact of the store; the caller checks it.
 */
public final class InsuranceNumberGenerator {

	private static final int MAX_DRAWS = 1000;

	private final InsuranceNumberRule rule;
	private final int length;

	/**
	 * @param defaultLength the length of drawn numbers when the rule fixes none
	 */
	public InsuranceNumberGenerator(InsuranceNumberRule rule, int defaultLength) {
		this.rule = rule;
		this.length = rule.exactLength() > 0 ? rule.exactLength() : defaultLength;
		if (length < 2) {
			throw new IllegalArgumentException("generated insurance numbers need at least 2 digits");
		}
	}

	public String next(RandomGenerator random) {
		for (int draw = 0; draw < MAX_DRAWS; draw++) {
			int bodyLength = rule.moduloRoot() == 0 ? length : length - 1;
			StringBuilder body = new StringBuilder(length);
			body.append((char) ('1' + random.nextInt(9)));
			for (int i = 1; i < bodyLength; i++) {
				body.append((char) ('0' + random.nextInt(10)));
			}
			String candidate = body.toString();
			if (rule.moduloRoot() != 0) {
				int digit = checkDigit(candidate, rule.moduloRoot());
				if (digit < 0) {
					continue;
				}
				candidate += digit;
			}
			if (rule.isValid(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no valid insurance number drawn in " + MAX_DRAWS + " attempts");
	}

	/** The check digit to append to {@code body}, or -1 when no single digit satisfies modulo n. */
	public static int checkDigit(String body, int moduloRoot) {
		if (moduloRoot == InsuranceNumberRule.LUHN) {
			return luhnCheckDigit(body);
		}
		int remainder = new java.math.BigInteger(body).mod(java.math.BigInteger.valueOf(moduloRoot)).intValue();
		return remainder <= 9 ? remainder : -1;
	}

	/** Luhn: double every second digit from the right of the body (the check digit will sit right of it). */
	static int luhnCheckDigit(String body) {
		int sum = 0;
		boolean doubled = true;
		for (int i = body.length() - 1; i >= 0; i--) {
			int digit = body.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}
}
