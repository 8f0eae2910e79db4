package org.imisfhir.payment.rules;

import java.math.BigDecimal;

/** Index of relative prices for a product, care type and period, kept to 4 decimals (tblRelIndex). */
public record RelativeIndex(CareType careType, Period period, BigDecimal value) {
}
