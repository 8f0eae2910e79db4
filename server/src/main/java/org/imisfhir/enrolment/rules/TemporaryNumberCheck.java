package org.imisfhir.enrolment.rules;

import java.util.Optional;

/**
 * Whether an insuree enrolled offline may carry a temporary number: it has the scheme's form, it lies in a block
 * allocated to the officer who sends it, and, when the block was allocated to one device, it comes from that
 * device. Whether it is already used is a fact of the store, checked apart.
 */
public final class TemporaryNumberCheck {

	/** Why a temporary number is refused. */
	public enum Refusal { MALFORMED, NOT_ALLOCATED, OTHER_DEVICE }

	private TemporaryNumberCheck() {}

	/**
	 * @param block the allocated block containing the number's sequence, empty when none does
	 * @param officer the id of the officer sending the number (null when the sender names none)
	 * @param device the sending device (null when it names none)
	 */
	public static Optional<Refusal> check(
			TemporaryNumberFormat format, String number, Optional<TemporaryNumberBlock> block, String officer, String device) {
		if (format.sequenceOf(number).isEmpty()) {
			return Optional.of(Refusal.MALFORMED);
		}
		if (block.isEmpty() || officer == null || !block.get().officer().equals(officer)) {
			return Optional.of(Refusal.NOT_ALLOCATED);
		}
		String blockDevice = block.get().device();
		if (blockDevice != null && !blockDevice.equals(device)) {
			return Optional.of(Refusal.OTHER_DEVICE);
		}
		return Optional.empty();
	}
}
