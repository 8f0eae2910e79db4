package org.imisfhir.programme.rules;

import java.util.Optional;

/**
 * The rules of a voucher's status change (the duplicate-management procedure): a reason is mandatory; a
 * voucher can be cancelled or set back to new; only an enrolment makes a voucher used (consumption), never a
 * manual change; a change to the same status is refused as pointless. A used voucher can be cancelled (a
 * voucher found to be a duplicate after it was used) but not set back to new: its enrolment keeps it, and a
 * new voucher could be used a second time. The same holds for a cancelled voucher that was used before it was
 * cancelled (used, cancelled, new would be the same double use in two steps).
 */
public final class VoucherStatusChange {

	public enum Refusal { REASON_REQUIRED, SAME_STATUS, USE_BY_ENROLMENT_ONLY, USED_NOT_NEW_AGAIN }

	private VoucherStatusChange() {}

	public static Optional<Refusal> check(VoucherStatus from, VoucherStatus to, String reason) {
		return check(from, to, reason, from == VoucherStatus.USED);
	}

	/** {@code everUsed}: the voucher is used now or its history shows it was used at some time. */
	public static Optional<Refusal> check(VoucherStatus from, VoucherStatus to, String reason, boolean everUsed) {
		if (reason == null || reason.isBlank()) {
			return Optional.of(Refusal.REASON_REQUIRED);
		}
		if (from == to) {
			return Optional.of(Refusal.SAME_STATUS);
		}
		if (to == VoucherStatus.USED) {
			return Optional.of(Refusal.USE_BY_ENROLMENT_ONLY);
		}
		if ((from == VoucherStatus.USED || everUsed) && to == VoucherStatus.NEW) {
			return Optional.of(Refusal.USED_NOT_NEW_AGAIN);
		}
		return Optional.empty();
	}

	/** Consumption by an enrolment: only a new voucher can be used. */
	public static boolean consumable(VoucherStatus status) {
		return status == VoucherStatus.NEW;
	}
}
