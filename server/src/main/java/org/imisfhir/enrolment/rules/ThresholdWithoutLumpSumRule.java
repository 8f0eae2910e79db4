package org.imisfhir.enrolment.rules;

/**
 * A threshold on a product without a lump sum has no effect on the value (rule-decisions 6). A
 * scheme may choose to refuse such a product at save; by default it is accepted.
 */
public final class ThresholdWithoutLumpSumRule {

	private final boolean refuse;

	public ThresholdWithoutLumpSumRule(boolean refuse) {
		this.refuse = refuse;
	}

	public static ThresholdWithoutLumpSumRule acceptingByDefault() {
		return new ThresholdWithoutLumpSumRule(false);
	}

	public boolean accepts(ProductTerms product) {
		return !(refuse && product.threshold() > 0 && !product.hasLumpSum());
	}
}
