package org.imisfhir.hmis.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the HMIS indicators are computed from, as read from the FHIR store: families with their district and
 * active members, policies, contributions, and claims with their district (that of their health facility).
 */
public record HmisFacts(
		List<Family> families, List<Policy> policies, List<Contribution> contributions, List<ClaimFact> claims) {

	/** A family (Group), the district of its village, and how many of its members are active insurees. */
	public record Family(String id, String districtId, int activeMembers) {}

	/**
	 * A policy (Coverage): its family, openIMIS status code (1 idle, 2 active, 4 suspended, 8 expired, 16 ready),
	 * stage (N new, R renewal), enrolment, effective and expiry dates (effective is null until paid).
	 */
	public record Policy(String id, String familyId, int status, String stage, LocalDate enrolDate,
			LocalDate effectiveDate, LocalDate expiryDate) {}

	/** A contribution (PaymentNotice) paid to a policy. */
	public record Contribution(String policyId, LocalDate payDate, BigDecimal amount) {}

	/**
	 * A claim: the district of its facility, its openIMIS status code (1 rejected, 2 entered, 4 checked,
	 * 8 processed, 16 valuated), the date claimed, the amount claimed, and the amount valuated (0 until valuated).
	 */
	public record ClaimFact(String id, String districtId, int status, LocalDate claimDate, BigDecimal claimed,
			BigDecimal valuated) {}
}
