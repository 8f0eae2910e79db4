package org.imisfhir.enrolment.rules;

import java.time.LocalDate;

/**
 * An insuree's own cover under a family policy (openIMIS InsureePolicy): it starts with the policy's effective date,
 * or later when the member joined the family after it (their own effective date); it ends with the policy's
 * expiry, or earlier when the member's cover was ended (their own expiry date) or when they became inactive or died
 * (the status date, which is still covered). Both ends are covered days.
 */
public final class MemberCover {

	/** The first and last covered day. */
	public record Period(LocalDate effective, LocalDate expiry) {

		public boolean covers(LocalDate date) {
			return !date.isBefore(effective) && !date.isAfter(expiry);
		}
	}

	private MemberCover() {}

	/**
	 * @param memberEffective the member's own effective date, or null to follow the policy
	 * @param memberExpiry the member's own expiry date, or null to follow the policy
	 * @param status the insuree's status AC, IN or DE (null: active)
	 * @param statusDate the date of an IN or DE status, or null
	 */
	public static Period of(LocalDate policyEffective, LocalDate policyExpiry, LocalDate memberEffective, LocalDate memberExpiry,
			String status, LocalDate statusDate) {
		LocalDate effective = later(policyEffective, memberEffective);
		LocalDate expiry = earlier(policyExpiry, memberExpiry);
		if (endsCover(status) && statusDate != null) {
			expiry = earlier(expiry, statusDate);
		}
		return new Period(effective, expiry);
	}

	/** Inactive (IN) and dead (DE) end the insuree's cover at the status date. */
	public static boolean endsCover(String status) {
		return "IN".equals(status) || "DE".equals(status);
	}

	/**
	 * The member's own expiry after a status change to IN or DE on {@code statusDate}, or null when the policy ends
	 * first and nothing needs recording.
	 */
	public static LocalDate truncatedExpiry(LocalDate policyExpiry, LocalDate memberExpiry, LocalDate statusDate) {
		LocalDate current = earlier(policyExpiry, memberExpiry);
		return statusDate.isBefore(current) ? statusDate : null;
	}

	/** The own effective date of a member who joins on {@code joined}, or null when they are covered from the policy's start. */
	public static LocalDate joiningEffective(LocalDate policyStart, LocalDate joined) {
		return joined.isAfter(policyStart) ? joined : null;
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return b == null || b.isBefore(a) ? a : b;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return b == null || b.isAfter(a) ? a : b;
	}
}
