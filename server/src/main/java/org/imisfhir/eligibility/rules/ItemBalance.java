package org.imisfhir.eligibility.rules;

import org.imisfhir.claim.rules.MedicalRef;

import java.time.LocalDate;

/**
 * An item or service under one policy: whether the product covers it, the quantity left in the policy period
 * (null: no maximum), and the first day it is covered once its waiting period is over.
 */
public record ItemBalance(MedicalRef ref, boolean covered, Integer quantityLeft, LocalDate coveredFrom) {}
