package org.imisfhir.claim.rules;

import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.enrolment.rules.PolicyStage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A policy of the insuree's family with the insuree's own cover on it (openIMIS Policy joined with
 * InsureePolicy): the insuree is covered from {@code insureeEffective} to {@code insureeExpiry}
 * except in the {@code insureeGaps} (uncovered days, e.g. while inactive). {@code coveredMembers} is
 * the number of family members covered on the claim's target date, which raises policy-level
 * ceilings above the product's threshold.
 */
public record InsureePolicy(
		String policyId,
		Product product,
		PolicyStage stage,
		PolicyStatus status,
		LocalDate policyEffective,
		LocalDate policyExpiry,
		LocalDate insureeEffective,
		LocalDate insureeExpiry,
		int coveredMembers,
		List<CoverGap> insureeGaps) {

	/** Days inside the insuree's cover that are not covered, both ends included. */
	public record CoverGap(LocalDate first, LocalDate last) {

		public boolean contains(LocalDate date) {
			return !date.isBefore(first) && !date.isAfter(last);
		}
	}

	/** A policy covering the insuree without interruption. */
	public InsureePolicy(String policyId, Product product, PolicyStage stage, PolicyStatus status, LocalDate policyEffective,
			LocalDate policyExpiry, LocalDate insureeEffective, LocalDate insureeExpiry, int coveredMembers) {
		this(policyId, product, stage, status, policyEffective, policyExpiry, insureeEffective, insureeExpiry, coveredMembers, List.of());
	}

	public InsureePolicy {
		Objects.requireNonNull(policyId, "policyId");
		Objects.requireNonNull(product, "product");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(policyEffective, "policyEffective");
		Objects.requireNonNull(policyExpiry, "policyExpiry");
		Objects.requireNonNull(insureeEffective, "insureeEffective");
		Objects.requireNonNull(insureeExpiry, "insureeExpiry");
		insureeGaps = insureeGaps == null ? List.of() : List.copyOf(insureeGaps);
	}

	public boolean covers(LocalDate date) {
		return status.coversClaims()
				&& !date.isBefore(policyEffective) && !date.isAfter(policyExpiry)
				&& !date.isBefore(insureeEffective) && !date.isAfter(insureeExpiry)
				&& insureeGaps.stream().noneMatch(gap -> gap.contains(date));
	}

	/** The last day of the insuree's uninterrupted cover that includes {@code date}. */
	public LocalDate coveredThrough(LocalDate date) {
		return insureeGaps.stream()
				.filter(gap -> gap.first().isAfter(date))
				.map(gap -> gap.first().minusDays(1))
				.min(LocalDate::compareTo)
				.filter(end -> end.isBefore(periodEnd()))
				.orElse(periodEnd());
	}

	/** The first day of the insuree's uninterrupted cover that includes {@code date}. */
	public LocalDate coveredSince(LocalDate date) {
		return insureeGaps.stream()
				.filter(gap -> gap.last().isBefore(date))
				.map(gap -> gap.last().plusDays(1))
				.max(LocalDate::compareTo)
				.filter(start -> start.isAfter(insureeEffective))
				.orElse(insureeEffective);
	}

	/** Last day of the insuree's cover under this policy. */
	public LocalDate periodEnd() {
		return policyExpiry.isBefore(insureeExpiry) ? policyExpiry : insureeExpiry;
	}

	public boolean periodContains(LocalDate date) {
		return !date.isBefore(insureeEffective) && !date.isAfter(periodEnd());
	}

	/**
	 * The waiting period applies to a new policy and to a member who joined after the policy started; it runs from
	 * the insuree's first covered day, not again after an inactive time.
	 */
	public boolean waitingPeriodApplies() {
		return stage == PolicyStage.NEW || policyEffective.isBefore(insureeEffective);
	}
}
