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

	/** The cover of an item or service: its own, or else that of the first group whose pattern its code matches. */
	public Optional<ProductCoverage> coverageOf(MedicalRef ref) {
		Optional<ProductCoverage> own = coverages.stream().filter(c -> !c.isGroup() && c.ref().equals(ref)).findFirst();
		return own.isPresent() ? own
				: coverages.stream().filter(c -> c.isGroup() && c.matches(ref)).findFirst().map(c -> c.forRef(ref));
	}

	/** The cover of an item or service on a claim of a visit type; none when the cover excludes that visit type. */
	public Optional<ProductCoverage> coverageOf(MedicalRef ref, VisitType visitType) {
		return coverageOf(ref).filter(coverage -> coverage.coversVisit(visitType));
	}
}
