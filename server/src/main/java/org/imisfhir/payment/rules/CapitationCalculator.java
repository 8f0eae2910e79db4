package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Splits the capitation part of a product's allocated money across the facilities at the
 * product's capitation levels (legacy uspCreateCapitationPaymentReportData).
 *
 * <p>capitation amount = allocated x share_contribution / 100. Each weight w (population,
 * families, insured population, insured families, visits, adjusted amount) takes w % of the
 * capitation amount, and that part is divided among the facilities in proportion to each one's
 * measure over the sum of that measure across all capitation facilities:
 *
 * <pre>
 * payment(f) = sum over measures m of  capitation amount x w(m) / 100 x m(f) / sum over g of m(g)
 * </pre>
 *
 * A measure whose sum is 0 pays nobody, so its part stays undistributed. Facilities not at a
 * capitation level get nothing and do not count in the sums. Each facility's payment is rounded
 * half-up to 2 decimals once, at the end; the rounded payments may therefore differ from the
 * distributed amount by a few cents.
 */
public final class CapitationCalculator {

	private static final MathContext PRECISION = MathContext.DECIMAL128;
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public List<CapitationPayment> distribute(
			BigDecimal allocatedContributions,
			CapitationTerms terms,
			CapitationLevels capitationLevels,
			Collection<FacilityMeasures> facilities) {
		List<FacilityMeasures> paid = facilities.stream()
				.filter(facility -> capitationLevels.covers(facility.level()))
				.toList();
		BigDecimal capitationAmount = allocatedContributions.multiply(terms.shareContribution()).divide(HUNDRED, PRECISION);
		List<WeightedMeasure> measures = List.of(
				new WeightedMeasure(terms.weightPopulation(), FacilityMeasures::population),
				new WeightedMeasure(terms.weightFamilies(), FacilityMeasures::families),
				new WeightedMeasure(terms.weightInsuredPopulation(), FacilityMeasures::insuredPopulation),
				new WeightedMeasure(terms.weightInsuredFamilies(), FacilityMeasures::insuredFamilies),
				new WeightedMeasure(terms.weightVisits(), FacilityMeasures::visits),
				new WeightedMeasure(terms.weightAdjustedAmount(), FacilityMeasures::adjustedAmount));
		return paid.stream()
				.map(facility -> new CapitationPayment(facility.facilityCode(),
						measures.stream()
								.map(measure -> measure.partOf(facility, paid, capitationAmount))
								.reduce(BigDecimal.ZERO, BigDecimal::add)
								.setScale(RemunerationCalculator.MONEY_SCALE, RoundingMode.HALF_UP)))
				.toList();
	}

	private record WeightedMeasure(BigDecimal weight, Function<FacilityMeasures, BigDecimal> measure) {

		BigDecimal partOf(FacilityMeasures facility, List<FacilityMeasures> all, BigDecimal capitationAmount) {
			BigDecimal total = all.stream().map(measure).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (total.signum() == 0 || weight.signum() == 0) {
				return BigDecimal.ZERO;
			}
			return capitationAmount.multiply(weight).multiply(measure.apply(facility))
					.divide(HUNDRED.multiply(total), PRECISION);
		}
	}
}
