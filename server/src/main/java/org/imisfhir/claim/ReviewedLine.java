package org.imisfhir.claim;

import java.math.BigDecimal;

/**
 * What a medical officer decided for one claim line: the approved quantity and unit price (null: unchanged),
 * or a rejection (openIMIS code -1) with its justification.
 */
public record ReviewedLine(int sequence, BigDecimal quantityApproved, BigDecimal priceApproved, boolean rejected, String justification) {}
