package org.imisfhir.claim.rules;

import java.util.Objects;

/**
 * How a product covers one item or service (openIMIS ProductItem / ProductService): price origin,
 * limitation per visit type, waiting periods in months, maximum quantity per policy period (null
 * means no maximum) and ceiling exclusion, each for adults and for children.
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
		CeilingExclusion exclusionChild) {

	public ProductCoverage {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(priceOrigin, "priceOrigin");
		Objects.requireNonNull(normal, "normal");
		referral = referral == null ? normal : referral;
		emergency = emergency == null ? normal : emergency;
		exclusionAdult = exclusionAdult == null ? CeilingExclusion.NONE : exclusionAdult;
		exclusionChild = exclusionChild == null ? CeilingExclusion.NONE : exclusionChild;
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
