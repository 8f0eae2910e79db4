package org.imisfhir.claim.rules;

import java.util.Objects;

/** A policy covering the insuree on the target date whose product covers the line's item or service. */
public record Candidate(InsureePolicy policy, ProductCoverage coverage) {

	public Candidate {
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(coverage, "coverage");
	}

	public Product product() {
		return policy.product();
	}
}
