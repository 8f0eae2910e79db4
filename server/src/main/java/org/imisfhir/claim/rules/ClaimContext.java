package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Everything the claim rules read: the claim, who and where, the catalogue, the policies and the history. */
public record ClaimContext(
		Claim claim,
		Insuree insuree,
		Facility facility,
		Catalogue catalogue,
		List<InsureePolicy> policies,
		InsureeHistory history,
		int ageOfMajority) {

	public static final int DEFAULT_AGE_OF_MAJORITY = 18;

	public ClaimContext {
		Objects.requireNonNull(claim, "claim");
		Objects.requireNonNull(insuree, "insuree");
		Objects.requireNonNull(facility, "facility");
		Objects.requireNonNull(catalogue, "catalogue");
		policies = List.copyOf(policies);
		history = history == null ? InsureeHistory.EMPTY : history;
	}

	public ClaimContext(Claim claim, Insuree insuree, Facility facility, Catalogue catalogue,
			List<InsureePolicy> policies, InsureeHistory history) {
		this(claim, insuree, facility, catalogue, policies, history, DEFAULT_AGE_OF_MAJORITY);
	}

	public LocalDate targetDate() {
		return claim.targetDate();
	}

	/** Adult or child by age on the target date (rule-decisions 2). */
	public boolean insureeIsAdult() {
		return insuree.isAdultOn(targetDate(), ageOfMajority);
	}
}
