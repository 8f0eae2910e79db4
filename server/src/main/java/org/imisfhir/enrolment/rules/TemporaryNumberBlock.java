package org.imisfhir.enrolment.rules;

/**
 * A block of temporary numbers allocated to an enrolment officer, and optionally to one of their devices:
 * sequences {@code first} to {@code last}, both included.
 *
 * @param officer the officer's id (Practitioner id)
 * @param device the device identifier, or null when any device of the officer may use the block
 */
public record TemporaryNumberBlock(String officer, String device, long first, long last) {

	public boolean contains(long sequence) {
		return sequence >= first && sequence <= last;
	}

	public long count() {
		return last - first + 1;
	}
}
