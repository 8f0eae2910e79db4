package org.imisfhir.claim.rules;

/** Deductibles, or ceilings, of a product at the treatment, insuree and policy levels. */
public record AllowanceTerms(LevelAmounts treatment, LevelAmounts insuree, LevelAmounts policy) {

	public static final AllowanceTerms NONE = new AllowanceTerms(LevelAmounts.NONE, LevelAmounts.NONE, LevelAmounts.NONE);

	public AllowanceTerms {
		treatment = treatment == null ? LevelAmounts.NONE : treatment;
		insuree = insuree == null ? LevelAmounts.NONE : insuree;
		policy = policy == null ? LevelAmounts.NONE : policy;
	}

	public static AllowanceTerms treatment(LevelAmounts amounts) {
		return new AllowanceTerms(amounts, null, null);
	}

	public static AllowanceTerms insuree(LevelAmounts amounts) {
		return new AllowanceTerms(null, amounts, null);
	}

	public static AllowanceTerms policy(LevelAmounts amounts) {
		return new AllowanceTerms(null, null, amounts);
	}
}
