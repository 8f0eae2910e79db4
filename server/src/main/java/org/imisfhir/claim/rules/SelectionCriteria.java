package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Set;

/**
 * How a scheme picks claims for medical review or for feedback: every claim above an amount, every claim with
 * one of some services, and a random share (percent, 0-100) of the others. Unset criteria select nothing.
 */
public record SelectionCriteria(BigDecimal amountAbove, Set<String> services, BigDecimal randomShare) {

	public SelectionCriteria {
		services = services == null ? Set.of() : Set.copyOf(services);
	}
}
