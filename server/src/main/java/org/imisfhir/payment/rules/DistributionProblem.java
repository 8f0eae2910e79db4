package org.imisfhir.payment.rules;

/** Why a product's relative-price distribution is refused, with the care type and period type concerned. */
public record DistributionProblem(Kind kind, CareType careType, PeriodType periodType, String message) {

	/** What is wrong with the distribution. */
	public enum Kind {
		/** A period of the year has no share. */
		MISSING_PERIOD,
		/** A share is for a period that does not exist, or is not a fraction from 0 to 1.00. */
		INVALID_SHARE,
		/** The shares of a year do not sum to 1.00 (only when the scheme requires it). */
		SUM_NOT_ONE
	}
}
