package org.imisfhir.enrolment.rules;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an insurance number (CHF ID) as openIMIS {@code validate_insuree} does: an optional exact
 * length and an optional check digit, where modulo root 10 means Luhn and any other root n means
 * {@code number-without-last-digit % n == last digit}. Numbers reserved by the scheme (the funding
 * family's 999999999) are refused. Only a number that must carry a check digit has to be numeric.
 */
public final class InsuranceNumberRule {

	public static final String FUNDING_NUMBER = "999999999";
	public static final int LUHN = 10;

	private final int exactLength;
	private final int moduloRoot;
	private final Set<String> reserved;
	private final String temporaryPrefix;

	/**
	 * @param exactLength required length, 0 for any
	 * @param moduloRoot check-digit root, 0 for none
	 */
	public InsuranceNumberRule(int exactLength, int moduloRoot, Set<String> reserved) {
		this(exactLength, moduloRoot, reserved, null);
	}

	/**
	 * @param temporaryPrefix the prefix of the scheme's temporary numbers (refused as permanent numbers), or null
	 */
	public InsuranceNumberRule(int exactLength, int moduloRoot, Set<String> reserved, String temporaryPrefix) {
		if (exactLength < 0 || moduloRoot < 0 || moduloRoot == 1) {
			throw new IllegalArgumentException("length and modulo root must be 0 (off), and a root cannot be 1");
		}
		this.exactLength = exactLength;
		this.moduloRoot = moduloRoot;
		this.reserved = Set.copyOf(reserved);
		this.temporaryPrefix = temporaryPrefix == null || temporaryPrefix.isBlank() ? null : temporaryPrefix;
	}

	public InsuranceNumberRule(int exactLength, int moduloRoot) {
		this(exactLength, moduloRoot, Set.of(FUNDING_NUMBER));
	}

	public Optional<InsuranceNumberRefusal> check(String number) {
		if (number == null || number.isBlank()) {
			return Optional.of(InsuranceNumberRefusal.EMPTY);
		}
		if (temporaryPrefix != null && number.regionMatches(true, 0, temporaryPrefix, 0, temporaryPrefix.length())) {
			return Optional.of(InsuranceNumberRefusal.TEMPORARY);
		}
		if (reserved.contains(number)) {
			return Optional.of(InsuranceNumberRefusal.RESERVED);
		}
		if (exactLength > 0 && number.length() != exactLength) {
			return Optional.of(InsuranceNumberRefusal.WRONG_LENGTH);
		}
		if (moduloRoot == 0) {
			return Optional.empty();
		}
		if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.of(InsuranceNumberRefusal.NOT_NUMERIC);
		}
		boolean valid = moduloRoot == LUHN ? passesLuhn(number) : passesModulo(number, moduloRoot);
		return valid ? Optional.empty() : Optional.of(InsuranceNumberRefusal.BAD_CHECK_DIGIT);
	}

	public int exactLength() {
		return exactLength;
	}

	public int moduloRoot() {
		return moduloRoot;
	}

	public boolean isValid(String number) {
		return check(number).isEmpty();
	}

	/** Luhn: the last digit is the check digit of the digits before it. */
	static boolean passesLuhn(String digits) {
		if (digits.isEmpty()) {
			return false;
		}
		int last = digits.length() - 1;
		return InsuranceNumberGenerator.luhnCheckDigit(digits.substring(0, last)) == digits.charAt(last) - '0';
	}

	/** A single digit has no body to check it against, so it cannot pass. */
	static boolean passesModulo(String digits, int root) {
		if (digits.length() < 2) {
			return false;
		}
		BigInteger body = new BigInteger(digits.substring(0, digits.length() - 1));
		int checkDigit = digits.charAt(digits.length() - 1) - '0';
		return body.mod(BigInteger.valueOf(root)).intValue() == checkDigit;
	}
}
