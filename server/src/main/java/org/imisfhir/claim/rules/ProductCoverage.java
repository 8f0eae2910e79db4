package org.imisfhir.claim.rules;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a product covers one item or service (openIMIS ProductItem / ProductService): price origin,
 * limitation per visit type, waiting periods in months, maximum quantity per policy period (null
 * means no maximum) and ceiling exclusion, each for adults and for children.
 *
 * <p>A cover may instead name a group of services or items by a {@code codePattern} (a regular expression the
 * whole code must match), e.g. the thousands of transport tariffs of a referral benefit; it then answers for
 * every matching code with the same terms. {@code visitTypes} limits the cover to claims of those visit types
 * (empty: every visit type).
 */
public record ProductCoverage(
		MedicalRef ref,
		PriceOrigin priceOrigin,
		LimitTerms normal,
		LimitTerms referral,
		LimitTerms emergency,
		Integer waitingMonthsAdult,
		Integer waitingMonthsChild,
		Integer maxQuantityAdult,
		Integer maxQuantityChild,
		CeilingExclusion exclusionAdult,
		CeilingExclusion exclusionChild,
		Pattern codePattern,
		Set<VisitType> visitTypes) {

	public ProductCoverage {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(priceOrigin, "priceOrigin");
		Objects.requireNonNull(normal, "normal");
		referral = referral == null ? normal : referral;
		emergency = emergency == null ? normal : emergency;
		exclusionAdult = exclusionAdult == null ? CeilingExclusion.NONE : exclusionAdult;
		exclusionChild = exclusionChild == null ? CeilingExclusion.NONE : exclusionChild;
		visitTypes = visitTypes == null ? Set.of() : Set.copyOf(visitTypes);
	}

	/** The cover of one named item or service, on every visit type. */
	public ProductCoverage(MedicalRef ref, PriceOrigin priceOrigin, LimitTerms normal, LimitTerms referral,
			LimitTerms emergency, Integer waitingMonthsAdult, Integer waitingMonthsChild, Integer maxQuantityAdult,
			Integer maxQuantityChild, CeilingExclusion exclusionAdult, CeilingExclusion exclusionChild) {
		this(ref, priceOrigin, normal, referral, emergency, waitingMonthsAdult, waitingMonthsChild, maxQuantityAdult,
				maxQuantityChild, exclusionAdult, exclusionChild, null, Set.of());
	}

	/** Whether this cover is for the item or service asked: the same one, or one whose code the pattern matches. */
	public boolean matches(MedicalRef asked) {
		return codePattern == null ? ref.equals(asked)
				: ref.kind() == asked.kind() && codePattern.matcher(asked.code()).matches();
	}

	public boolean isGroup() {
		return codePattern != null;
	}

	public boolean coversVisit(VisitType visitType) {
		return visitTypes.isEmpty() || visitTypes.contains(visitType);
	}

	/** This cover's terms for one matching item or service. */
	public ProductCoverage forRef(MedicalRef asked) {
		return asked.equals(ref) ? this : new ProductCoverage(asked, priceOrigin, normal, referral, emergency,
				waitingMonthsAdult, waitingMonthsChild, maxQuantityAdult, maxQuantityChild, exclusionAdult, exclusionChild,
				codePattern, visitTypes);
	}

	public LimitTerms limitsFor(VisitType visitType) {
		return switch (visitType) {
			case EMERGENCY -> emergency;
			case REFERRAL -> referral;
			case OTHER -> normal;
		};
	}

	public int waitingMonths(boolean isAdult) {
		Integer months = isAdult ? waitingMonthsAdult : waitingMonthsChild;
		return months == null ? 0 : months;
	}

	public Integer maxQuantity(boolean isAdult) {
		return isAdult ? maxQuantityAdult : maxQuantityChild;
	}

	public CeilingExclusion exclusion(boolean isAdult) {
		return isAdult ? exclusionAdult : exclusionChild;
	}
}
