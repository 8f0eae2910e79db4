package org.imisfhir.payment.rules;

import java.math.BigDecimal;

/** Totals of one facility on a payment statement, or of the whole statement. */
public record FacilityTotals(String facilityCode, int claims, BigDecimal claimed, BigDecimal approved, BigDecimal remunerated) {
}
