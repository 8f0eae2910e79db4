package org.imisfhir.payment.rules;

/** Why a product's relative-price distribution is refused, with the care type and period type concerned. */
public record DistributionProblem(CareType careType, PeriodType periodType, String message) {
}
