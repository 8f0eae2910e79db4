package org.imisfhir.enrolment.rules;

import java.util.OptionalLong;

/**
 * The shape of the scheme's temporary insurance numbers: a prefix followed by a zero-padded sequence of a fixed
 * number of digits ({@code TMP00000051}). The prefix makes them recognisable; the insurance-number rule refuses
 * any permanent number that starts with it, so a temporary number can never be taken for a permanent one.
 */
public final class TemporaryNumberFormat {

	private final String prefix;
	private final int digits;

	public TemporaryNumberFormat(String prefix, int digits) {
		if (prefix == null || prefix.isBlank()) {
			throw new IllegalArgumentException("temporary numbers need a prefix that permanent numbers cannot have");
		}
		if (digits < 1 || digits > 9) {
			throw new IllegalArgumentException("temporary numbers have 1 to 9 digits after the prefix (a FHIR integer holds the sequence)");
		}
		this.prefix = prefix;
		this.digits = digits;
	}

	public String prefix() {
		return prefix;
	}

	/** The highest sequence the digits can hold (8 digits: 99,999,999). */
	public long maxSequence() {
		long max = 1;
		for (int i = 0; i < digits; i++) {
			max *= 10;
		}
		return max - 1;
	}

	public String format(long sequence) {
		if (sequence < 1 || sequence > maxSequence()) {
			throw new IllegalArgumentException("sequence " + sequence + " outside 1.." + maxSequence());
		}
		return prefix + String.format("%0" + digits + "d", sequence);
	}

	/** The sequence of a number of this form, or empty when the number is not one (other prefix, length, digits). */
	public OptionalLong sequenceOf(String number) {
		if (number == null || number.length() != prefix.length() + digits || !number.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return OptionalLong.empty();
		}
		String tail = number.substring(prefix.length());
		if (!tail.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long sequence = Long.parseLong(tail);
		return sequence == 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
	}
}
