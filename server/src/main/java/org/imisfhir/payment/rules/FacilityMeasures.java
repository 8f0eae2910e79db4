package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a facility's capitation is weighed on for one product and month: catchment population and
 * families, insured population and families (each already multiplied by the catchment %), number
 * of claims (visits) and adjusted amount of its claims.
 */
public record FacilityMeasures(
		String facilityCode,
		FacilityLevel level,
		BigDecimal population,
		BigDecimal families,
		BigDecimal insuredPopulation,
		BigDecimal insuredFamilies,
		BigDecimal visits,
		BigDecimal adjustedAmount) {

	public FacilityMeasures {
		Objects.requireNonNull(facilityCode, "facilityCode");
		Objects.requireNonNull(level, "level");
		population = orZero(population);
		families = orZero(families);
		insuredPopulation = orZero(insuredPopulation);
		insuredFamilies = orZero(insuredFamilies);
		visits = orZero(visits);
		adjustedAmount = orZero(adjustedAmount);
	}

	private static BigDecimal orZero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}
}
