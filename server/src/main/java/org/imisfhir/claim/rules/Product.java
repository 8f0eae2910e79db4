package org.imisfhir.claim.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The terms of an insurance product that matter to claims. */
public record Product(
		String code,
		AllowanceTerms deductibles,
		AllowanceTerms ceilings,
		ExtraMemberCeiling extraMemberCeiling,
		CeilingInterpretation ceilingInterpretation,
		CategoryMaxima categoryMaxima,
		List<ProductCoverage> coverages) {

	public Product {
		Objects.requireNonNull(code, "code");
		deductibles = deductibles == null ? AllowanceTerms.NONE : deductibles;
		ceilings = ceilings == null ? AllowanceTerms.NONE : ceilings;
		extraMemberCeiling = extraMemberCeiling == null ? ExtraMemberCeiling.NONE : extraMemberCeiling;
		ceilingInterpretation = ceilingInterpretation == null ? CeilingInterpretation.CLAIM_TYPE : ceilingInterpretation;
		categoryMaxima = categoryMaxima == null ? CategoryMaxima.NONE : categoryMaxima;
		coverages = List.copyOf(coverages);
	}

	public Optional<ProductCoverage> coverageOf(MedicalRef ref) {
		return coverages.stream().filter(coverage -> coverage.ref().equals(ref)).findFirst();
	}
}
