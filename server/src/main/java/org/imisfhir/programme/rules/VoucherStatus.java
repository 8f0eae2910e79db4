package org.imisfhir.programme.rules;

import java.util.Locale;
import java.util.Optional;

/** Status of a health voucher (chèque santé): new (not yet used), used by an enrolment, cancelled. */
public enum VoucherStatus {
	NEW("new"),
	USED("used"),
	CANCELLED("cancelled");

	private final String code;

	VoucherStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/**
	 * Statuses compare case-insensitively ("New", "NEW", "new"); openIMIS compared them as written. The CSU's own
	 * word for a cancelled voucher, "Cancel", is read as cancelled.
	 */
	public static Optional<VoucherStatus> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		if ("cancel".equals(wanted)) {
			return Optional.of(CANCELLED);
		}
		for (VoucherStatus status : values()) {
			if (status.code.equals(wanted)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}
}
