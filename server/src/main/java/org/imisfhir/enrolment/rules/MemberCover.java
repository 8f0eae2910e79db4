package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An insuree's own cover under a family policy (openIMIS InsureePolicy). The member's cover is recorded as rows, one
 * per stretch of cover, only where it differs from the policy's: a member without rows is covered exactly as the
 * policy. A row's dates bound the policy's (null follows the policy): a member who joined after the policy started
 * has their own effective date; a member whose cover ended (inactive, dead, moved to another family, removed) has
 * their own expiry date, which is still covered; a member made active again gets a new row from that day, so the
 * days in between stay uncovered. An inactive or dead status also ends the cover at the status date, whatever path
 * set the status.
 */
public final class MemberCover {

	/** The reason of a row that an inactive or dead status wrote starts with this, then the status code. */
	public static final String STATUS_REASON_PREFIX = "status ";

	/** One recorded stretch of the member's cover (an InsureePolicy row); null dates follow the policy. */
	public record Row(LocalDate effective, LocalDate expiry, String reason) {}

	/** Covered days from {@code effective} to {@code expiry}, both included. */
	public record Period(LocalDate effective, LocalDate expiry) {

		public boolean covers(LocalDate date) {
			return !date.isBefore(effective) && !date.isAfter(expiry);
		}

		boolean isEmpty() {
			return expiry.isBefore(effective);
		}
	}

	/**
	 * The member's cover: first and last covered day, and the uncovered stretches in between (each a Period of
	 * uncovered days). A member not covered at all has an expiry before the effective date.
	 */
	public record Cover(LocalDate effective, LocalDate expiry, List<Period> gaps) {

		public Cover {
			gaps = List.copyOf(gaps);
		}

		public boolean covers(LocalDate date) {
			return !date.isBefore(effective) && !date.isAfter(expiry) && gaps.stream().noneMatch(gap -> gap.covers(date));
		}
	}

	private MemberCover() {}

	/** The reason recorded with a cover ended by an inactive (IN) or dead (DE) status. */
	public static String statusReason(String status, String why) {
		return STATUS_REASON_PREFIX + status + (why == null || why.isBlank() ? "" : ": " + why);
	}

	/** Inactive (IN) and dead (DE) end the insuree's cover at the status date. */
	public static boolean endsCover(String status) {
		return "IN".equals(status) || "DE".equals(status);
	}

	/**
	 * The cover of a member of the policy's family.
	 *
	 * @param rows the member's own rows on the policy (none: covered as the policy)
	 * @param status the insuree's status AC, IN or DE (null: active)
	 * @param statusDate the date of an IN or DE status, or null
	 */
	public static Cover of(LocalDate policyEffective, LocalDate policyExpiry, List<Row> rows, String status, LocalDate statusDate) {
		List<Row> recorded = rows.isEmpty() ? List.of(new Row(null, null, null)) : rows;
		LocalDate statusEnd = endsCover(status) ? statusDate : null;
		List<Period> periods = new ArrayList<>();
		for (Row row : recorded) {
			Period period = new Period(later(policyEffective, row.effective()), earlier(earlier(policyExpiry, row.expiry()), statusEnd));
			if (!period.isEmpty()) {
				periods.add(period);
			}
		}
		return join(policyEffective, periods);
	}

	/** The cover of someone who has left the policy's family: only what their rows record (none: not covered). */
	public static Cover ofFormerMember(LocalDate policyEffective, LocalDate policyExpiry, List<Row> rows, String status, LocalDate statusDate) {
		return rows.isEmpty() ? notCovered(policyEffective) : of(policyEffective, policyExpiry, rows, status, statusDate);
	}

	/** How many of the members' covers include the date (openIMIS counts the InsureePolicy rows valid on it). */
	public static int coveredOn(Collection<Cover> covers, LocalDate date) {
		return (int) covers.stream().filter(cover -> cover.covers(date)).count();
	}

	/**
	 * The rows after the member's cover ends on {@code last} (still covered): every stretch running past it is cut
	 * there, with the reason. The same rows when nothing runs past it.
	 */
	public static List<Row> endedOn(LocalDate policyExpiry, List<Row> rows, LocalDate last, String reason) {
		List<Row> recorded = rows.isEmpty() ? List.of(new Row(null, null, null)) : rows;
		List<Row> result = new ArrayList<>();
		boolean changed = false;
		for (Row row : recorded) {
			if (reach(policyExpiry, row).isAfter(last)) {
				result.add(new Row(row.effective(), last, reason));
				changed = true;
			} else {
				result.add(row);
			}
		}
		return changed ? List.copyOf(result) : rows;
	}

	/**
	 * The rows after the member leaves the family on {@code date}. Ending the cover cuts it at that date; keeping it
	 * leaves the cover as it was. Either way the policy keeps a row for the member, since a former member is covered
	 * only by what their rows record.
	 */
	public static List<Row> leftOn(LocalDate policyExpiry, List<Row> rows, LocalDate date, boolean endCover, String reason) {
		List<Row> result = endCover ? endedOn(policyExpiry, rows, date, reason) : rows;
		return result.isEmpty() ? List.of(new Row(null, null, reason)) : result;
	}

	/**
	 * The rows after a member joins the family on {@code joined}: covered from that day when the policy started
	 * earlier and still runs; from the policy's start when it starts later (a row is added only when earlier rows
	 * would otherwise stand for the member's cover).
	 */
	public static List<Row> joinedOn(LocalDate policyStart, LocalDate policyExpiry, List<Row> rows, LocalDate joined, String reason) {
		if (joined.isAfter(policyExpiry)) {
			return rows;
		}
		if (!joined.isAfter(policyStart)) {
			return rows.isEmpty() ? rows : append(rows, new Row(null, null, reason));
		}
		return append(rows, new Row(joined, null, reason));
	}

	/**
	 * The rows after the insuree is made active again on {@code on} (openIMIS adds InsureePolicy rows for the
	 * family's policies still valid): when the cover recorded last was ended by an inactive or dead status before
	 * the policy's expiry, it is restored. Restored from {@code on}, so the days between the status date and
	 * {@code on} stay uncovered; or, when {@code on} is the day after the status date or earlier, the cut is
	 * simply undone. A policy expired before {@code on}, or a cover ended by leaving the family, is left as it is.
	 */
	public static List<Row> reactivatedOn(LocalDate policyExpiry, List<Row> rows, LocalDate on, String reason) {
		if (policyExpiry.isBefore(on) || rows.isEmpty()) {
			return rows;
		}
		Row last = rows.stream().max(Comparator.comparing(row -> reach(policyExpiry, row))).orElseThrow();
		LocalDate lastCovered = reach(policyExpiry, last);
		if (!lastCovered.isBefore(policyExpiry) || !isStatusCut(last)) {
			return rows;
		}
		if (on.isAfter(lastCovered.plusDays(1))) {
			return append(rows, new Row(on, null, reason));
		}
		List<Row> result = new ArrayList<>(rows);
		result.set(rows.lastIndexOf(last), new Row(last.effective(), null, reason));
		return List.copyOf(result);
	}

	private static boolean isStatusCut(Row row) {
		return row.expiry() != null && row.reason() != null
				&& (row.reason().startsWith(STATUS_REASON_PREFIX + "IN") || row.reason().startsWith(STATUS_REASON_PREFIX + "DE"));
	}

	/** The last day a row would cover under the policy. */
	private static LocalDate reach(LocalDate policyExpiry, Row row) {
		return earlier(policyExpiry, row.expiry());
	}

	private static Cover join(LocalDate policyEffective, List<Period> periods) {
		if (periods.isEmpty()) {
			return notCovered(policyEffective);
		}
		List<Period> sorted = new ArrayList<>(periods);
		sorted.sort(Comparator.comparing(Period::effective));
		List<Period> gaps = new ArrayList<>();
		LocalDate effective = sorted.get(0).effective();
		LocalDate expiry = sorted.get(0).expiry();
		for (Period next : sorted.subList(1, sorted.size())) {
			if (next.effective().isAfter(expiry.plusDays(1))) {
				gaps.add(new Period(expiry.plusDays(1), next.effective().minusDays(1)));
			}
			expiry = later(expiry, next.expiry());
		}
		return new Cover(effective, expiry, gaps);
	}

	private static Cover notCovered(LocalDate policyEffective) {
		return new Cover(policyEffective, policyEffective.minusDays(1), List.of());
	}

	private static List<Row> append(List<Row> rows, Row row) {
		List<Row> result = new ArrayList<>(rows);
		result.add(row);
		return List.copyOf(result);
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return b == null || b.isBefore(a) ? a : b;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return b == null || b.isAfter(a) ? a : b;
	}
}
