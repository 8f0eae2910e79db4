package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** The product and policy that pay a line, with the limitation that applies to it. */
public record Assignment(Candidate candidate, Limitation limitation, BigDecimal limitationValue) {

	public Assignment {
		Objects.requireNonNull(candidate, "candidate");
		Objects.requireNonNull(limitation, "limitation");
		Objects.requireNonNull(limitationValue, "limitationValue");
	}

	public InsureePolicy policy() {
		return candidate.policy();
	}

	public Product product() {
		return candidate.product();
	}

	public PriceOrigin priceOrigin() {
		return candidate.coverage().priceOrigin();
	}
}
