package org.imisfhir.payment.rules;

import java.math.BigDecimal;

/** Capitation paid to one facility for one product and month, rounded half-up to 2 decimals. */
public record CapitationPayment(String facilityCode, BigDecimal amount) {
}
