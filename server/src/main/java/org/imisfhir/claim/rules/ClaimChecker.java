package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The submission checks. Claim level first: target date (9), then the insuree and their cover (7,
 * 21); a claim failing either has every line rejected with the same reason. Then each line, stopping
 * at its first failure: validity (1), price list (2), care type (10), patient category (4), frequency
 * (5), a product covering it (3), and per covering product waiting period (17), maximum quantity
 * (16) and, for services, the category maximum (11-15, 19). A line passes when at least one product
 * passes; otherwise it takes the failure of the first product in order. A claim whose lines are all
 * rejected is rejected with reason 1.
 */
public final class ClaimChecker {

	private final ClaimCategoryResolver categories = new ClaimCategoryResolver();
	private final PolicyCoverage coverage = new PolicyCoverage();
	private final CareTypeRule careType = new CareTypeRule();
	private final FrequencyRule frequency = new FrequencyRule();
	private final WaitingPeriodRule waitingPeriod = new WaitingPeriodRule();
	private final QuantityLimitRule quantityLimit = new QuantityLimitRule();
	private final CategoryMaximumRule categoryMaximum = new CategoryMaximumRule();
	private final ProductAssigner assigner;

	public ClaimChecker(ProductAssigner assigner) {
		this.assigner = assigner;
	}

	public ClaimChecker() {
		this(new ProductAssigner());
	}

	public ClaimCheck check(ClaimContext context) {
		Claim claim = context.claim();
		ServiceCategory category = categories.resolve(claim, context.catalogue());
		Optional<RejectionReason> claimRejection = targetDateRejection(claim).or(() -> coverage.claimRejection(context));
		if (claimRejection.isPresent()) {
			return rejectAll(claim, claimRejection.get(), category);
		}
		List<LineCheck> lines = new ArrayList<>();
		for (int index = 0; index < claim.lines().size(); index++) {
			lines.add(checkLine(context, index, category));
		}
		if (lines.stream().noneMatch(LineCheck::passed)) {
			return new ClaimCheck(ClaimStatus.REJECTED, RejectionReason.INVALID_ITEM_OR_SERVICE, category, lines);
		}
		return new ClaimCheck(ClaimStatus.CHECKED, RejectionReason.ACCEPTED, category, lines);
	}

	/** No dates, or claimed before the treatment started (rule-decisions 12). */
	static Optional<RejectionReason> targetDateRejection(Claim claim) {
		boolean noDates = claim.dateFrom() == null && claim.dateTo() == null;
		boolean claimedTooEarly = claim.dateClaimed() != null && claim.dateFrom() != null && claim.dateClaimed().isBefore(claim.dateFrom());
		return noDates || claimedTooEarly ? Optional.of(RejectionReason.TARGET_DATE) : Optional.empty();
	}

	private static ClaimCheck rejectAll(Claim claim, RejectionReason reason, ServiceCategory category) {
		List<LineCheck> lines = new ArrayList<>();
		for (int index = 0; index < claim.lines().size(); index++) {
			lines.add(LineCheck.rejected(index, reason));
		}
		return new ClaimCheck(ClaimStatus.REJECTED, reason, category, lines);
	}

	private LineCheck checkLine(ClaimContext context, int index, ServiceCategory claimCategory) {
		ClaimLine line = context.claim().lines().get(index);
		if (line.reviewRejection() != null && line.reviewRejection() != RejectionReason.ACCEPTED) {
			return LineCheck.rejected(index, line.reviewRejection());
		}
		LocalDate target = context.targetDate();
		boolean adult = context.insureeIsAdult();
		Optional<CatalogueEntry> found = context.catalogue().find(line.ref()).filter(entry -> entry.validOn(target));
		if (found.isEmpty()) {
			return LineCheck.rejected(index, RejectionReason.INVALID_ITEM_OR_SERVICE);
		}
		CatalogueEntry entry = found.get();
		if (context.facility().priceListEntry(line.ref()).isEmpty()) {
			return LineCheck.rejected(index, RejectionReason.NOT_IN_PRICE_LIST);
		}
		if (!careType.allows(context.facility(), entry, context.claim())) {
			return LineCheck.rejected(index, RejectionReason.CARE_TYPE);
		}
		if (!PatientCategory.allows(entry.patientCategory(), PatientCategory.of(context.insuree().gender(), adult))) {
			return LineCheck.rejected(index, RejectionReason.PATIENT_CATEGORY);
		}
		if (frequency.violated(entry, target, context.history().lines())) {
			return LineCheck.rejected(index, RejectionReason.FREQUENCY);
		}
		List<Candidate> candidates = coverage.candidates(context, line.ref());
		if (candidates.isEmpty()) {
			return LineCheck.rejected(index, RejectionReason.NO_PRODUCT_FOUND);
		}
		return checkCandidates(context, index, line, candidates, claimCategory, adult);
	}

	private LineCheck checkCandidates(ClaimContext context, int index, ClaimLine line, List<Candidate> candidates,
			ServiceCategory claimCategory, boolean adult) {
		BigDecimal requested = line.effectiveQuantity();
		List<Candidate> eligible = new ArrayList<>();
		List<BigDecimal> allowed = new ArrayList<>();
		RejectionReason firstFailure = null;
		for (Candidate candidate : candidates) {
			Optional<RejectionReason> failure = Optional.empty();
			Optional<BigDecimal> quantity = Optional.empty();
			if (waitingPeriod.violated(candidate, context.targetDate(), adult)) {
				failure = Optional.of(RejectionReason.WAITING_PERIOD);
			} else {
				quantity = quantityLimit.allowedQuantity(candidate, requested, adult, context.history().lines());
				if (quantity.isEmpty()) {
					failure = Optional.of(RejectionReason.QUANTITY_OVER_LIMIT);
				} else if (line.ref().isService()) {
					failure = categoryMaximum.violation(candidate, claimCategory, context.history().claimsOncePerCode());
				}
			}
			if (failure.isPresent()) {
				firstFailure = firstFailure == null ? failure.get() : firstFailure;
			} else {
				eligible.add(candidate);
				allowed.add(quantity.get());
			}
		}
		if (eligible.isEmpty()) {
			return LineCheck.rejected(index, firstFailure);
		}
		BigDecimal kept = allowed.stream().reduce(BigDecimal::max).orElseThrow();
		List<Candidate> keepingMost = new ArrayList<>();
		for (int i = 0; i < eligible.size(); i++) {
			if (allowed.get(i).compareTo(kept) == 0) {
				keepingMost.add(eligible.get(i));
			}
		}
		Optional<Assignment> assignment = assigner.assign(context.claim().visitType(), adult, line.claimedPrice(), keepingMost);
		return assignment
				.map(chosen -> LineCheck.passed(index, chosen, kept, kept.compareTo(requested) < 0))
				.orElseGet(() -> LineCheck.rejected(index, RejectionReason.NO_PRODUCT_FOUND));
	}
}
