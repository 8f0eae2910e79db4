package org.imisfhir.claim.rules;

/**
 * Raises a policy-level ceiling for each covered member above {@code threshold}, up to the
 * maximum ceiling (openIMIS max_policy_extra_member and max_ceiling_policy, with IP/OP variants).
 */
public record ExtraMemberCeiling(int threshold, LevelAmounts perExtraMember, LevelAmounts maximum) {

	public static final ExtraMemberCeiling NONE = new ExtraMemberCeiling(0, LevelAmounts.NONE, LevelAmounts.NONE);

	public ExtraMemberCeiling {
		perExtraMember = perExtraMember == null ? LevelAmounts.NONE : perExtraMember;
		maximum = maximum == null ? LevelAmounts.NONE : maximum;
	}
}
