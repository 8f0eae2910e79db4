package org.imisfhir.programme.report.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a programme's monthly report is computed from, as read from the FHIR store: its policies with their
 * insurees, its claims with their lines, its vouchers with their status history, and its voucher imports.
 */
public record ProgrammeFacts(
		List<Enrolment> enrolments, List<ClaimFact> claims, List<Voucher> vouchers, List<VoucherImport> imports) {

	/**
	 * A policy of the programme: its enrolment date, and its family's insurees with the facility each is
	 * attributed to.
	 */
	public record Enrolment(String policyId, LocalDate enrolDate, List<Beneficiary> beneficiaries) {}

	/**
	 * An insuree of a policy: the first point of service (facility id, null when not set) and the facility of the
	 * officer who enrolled the policy (null when the officer names none).
	 */
	public record Beneficiary(String insureeId, String firstServicePoint, String officerFacility) {}

	/**
	 * A claim of the programme: its facility, date claimed, whether it was submitted and whether it is valuated,
	 * the amount claimed and the amount valuated (0 until valuated), and the date of care of each line.
	 */
	public record ClaimFact(String id, String facilityId, LocalDate claimDate, boolean submitted, boolean valuated,
			BigDecimal claimed, BigDecimal valuatedAmount, List<LocalDate> lineDates) {}

	/** A voucher of the programme and its status history (oldest first): the first entry is its import. */
	public record Voucher(String number, boolean imported, List<StatusChange> history) {}

	/** One change of a voucher's status (new, used, cancelled) and its day. */
	public record StatusChange(String status, LocalDate day) {}

	/** One import of the programme's vouchers: its day and how many rows it reported duplicate. */
	public record VoucherImport(String id, LocalDate day, int duplicates) {}
}
