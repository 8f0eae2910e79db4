package org.imisfhir.claim.rules;

/** Builds a product's cover of one item or service; by default price-list priced, fixed limit 0 (no cap). */
public final class CoverageBuilder {

	private final MedicalRef ref;
	private PriceOrigin origin = PriceOrigin.PRICE_LIST;
	private LimitTerms normal = LimitTerms.fixed("0", "0");
	private LimitTerms referral;
	private LimitTerms emergency;
	private Integer waitingAdult;
	private Integer waitingChild;
	private Integer maxQuantityAdult;
	private Integer maxQuantityChild;
	private CeilingExclusion exclusionAdult;
	private CeilingExclusion exclusionChild;
	private java.util.regex.Pattern codePattern;
	private java.util.Set<VisitType> visitTypes = java.util.Set.of();

	private CoverageBuilder(MedicalRef ref) {
		this.ref = ref;
	}

	public static CoverageBuilder cover(MedicalRef ref) {
		return new CoverageBuilder(ref);
	}

	public CoverageBuilder origin(PriceOrigin value) {
		origin = value;
		return this;
	}

	public CoverageBuilder limits(LimitTerms value) {
		normal = value;
		return this;
	}

	public CoverageBuilder referral(LimitTerms value) {
		referral = value;
		return this;
	}

	public CoverageBuilder emergency(LimitTerms value) {
		emergency = value;
		return this;
	}

	public CoverageBuilder waitingMonths(Integer adult, Integer child) {
		waitingAdult = adult;
		waitingChild = child;
		return this;
	}

	public CoverageBuilder maxQuantity(Integer adult, Integer child) {
		maxQuantityAdult = adult;
		maxQuantityChild = child;
		return this;
	}

	public CoverageBuilder ceilingExclusion(CeilingExclusion adult, CeilingExclusion child) {
		exclusionAdult = adult;
		exclusionChild = child;
		return this;
	}

	/** A cover of every service whose code matches the pattern (the ref's code is then only a label). */
	public static CoverageBuilder coverGroup(String pattern) {
		CoverageBuilder builder = new CoverageBuilder(MedicalRef.service(pattern));
		builder.codePattern = java.util.regex.Pattern.compile(pattern);
		return builder;
	}

	public CoverageBuilder onlyOn(VisitType... types) {
		visitTypes = java.util.Set.of(types);
		return this;
	}

	public ProductCoverage build() {
		return new ProductCoverage(ref, origin, normal, referral, emergency, waitingAdult, waitingChild,
				maxQuantityAdult, maxQuantityChild, exclusionAdult, exclusionChild, codePattern, visitTypes);
	}
}
