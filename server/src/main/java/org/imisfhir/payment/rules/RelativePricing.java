package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's relative-pricing set-up: period_rel_prices (one index for both care types) or
 * period_rel_prices_ip / _op (separate indexes), and the distribution shares. When the general
 * period is set, the in-patient and out-patient periods are ignored, as in the legacy batch.
 * Each period may be null.
 */
public record RelativePricing(
		PeriodType general,
		PeriodType inPatient,
		PeriodType outPatient,
		List<DistributionShare> distribution) {

	public static final RelativePricing NONE = new RelativePricing(null, null, null, List.of());

	public RelativePricing {
		distribution = List.copyOf(distribution);
	}

	public static RelativePricing general(PeriodType period, List<DistributionShare> distribution) {
		return new RelativePricing(period, null, null, distribution);
	}

	public static RelativePricing split(PeriodType inPatient, PeriodType outPatient, List<DistributionShare> distribution) {
		return new RelativePricing(null, inPatient, outPatient, distribution);
	}

	public boolean isRelative() {
		return !sides().isEmpty();
	}

	/** The care types that get an index, each with its period type. */
	public Map<CareType, PeriodType> sides() {
		Map<CareType, PeriodType> sides = new EnumMap<>(CareType.class);
		if (general != null) {
			sides.put(CareType.BOTH, general);
			return sides;
		}
		if (inPatient != null) {
			sides.put(CareType.IN_PATIENT, inPatient);
		}
		if (outPatient != null) {
			sides.put(CareType.OUT_PATIENT, outPatient);
		}
		return sides;
	}

	public Optional<BigDecimal> shareFor(CareType side, Period period) {
		return distribution.stream()
				.filter(share -> share.isFor(side, period))
				.map(DistributionShare::share)
				.findFirst();
	}
}
