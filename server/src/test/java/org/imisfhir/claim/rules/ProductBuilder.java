package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds a product; by default no deductible, no ceiling, interpretation I, no category maxima. */
public final class ProductBuilder {

	private final String code;
	private AllowanceTerms deductibles = AllowanceTerms.NONE;
	private AllowanceTerms ceilings = AllowanceTerms.NONE;
	private ExtraMemberCeiling extra = ExtraMemberCeiling.NONE;
	private CeilingInterpretation interpretation = CeilingInterpretation.CLAIM_TYPE;
	private final Map<ServiceCategory, Integer> maxCounts = new EnumMap<>(ServiceCategory.class);
	private final Map<ServiceCategory, BigDecimal> maxAmounts = new EnumMap<>(ServiceCategory.class);
	private final List<ProductCoverage> coverages = new ArrayList<>();

	private ProductBuilder(String code) {
		this.code = code;
	}

	public static ProductBuilder product(String code) {
		return new ProductBuilder(code);
	}

	public ProductBuilder deductibles(AllowanceTerms value) {
		deductibles = value;
		return this;
	}

	public ProductBuilder ceilings(AllowanceTerms value) {
		ceilings = value;
		return this;
	}

	public ProductBuilder extraMemberCeiling(ExtraMemberCeiling value) {
		extra = value;
		return this;
	}

	public ProductBuilder interpretation(CeilingInterpretation value) {
		interpretation = value;
		return this;
	}

	public ProductBuilder maxCount(ServiceCategory category, int count) {
		maxCounts.put(category, count);
		return this;
	}

	public ProductBuilder maxAmount(ServiceCategory category, String amount) {
		maxAmounts.put(category, new BigDecimal(amount));
		return this;
	}

	public ProductBuilder covers(ProductCoverage coverage) {
		coverages.add(coverage);
		return this;
	}

	public ProductBuilder covers(CoverageBuilder coverage) {
		return covers(coverage.build());
	}

	/** Covers each of the refs in full (price list, no cap). */
	public ProductBuilder coversInFull(MedicalRef... refs) {
		for (MedicalRef ref : refs) {
			covers(CoverageBuilder.cover(ref));
		}
		return this;
	}

	public Product build() {
		return new Product(code, deductibles, ceilings, extra, interpretation, new CategoryMaxima(maxCounts, maxAmounts), coverages);
	}
}
