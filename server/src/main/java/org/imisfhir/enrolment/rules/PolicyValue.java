package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A policy's value and how it was reached. The parts are exact; only {@code value} is rounded
 * (rule-decisions 8), so value = round(contribution + generalAssembly + registration - discount).
 *
 * @param membersCharged members paying a per-member contribution
 * @param exceedsMaxMembers the family has more members than the product's max members
 */
public record PolicyValue(BigDecimal value, BigDecimal contribution, BigDecimal generalAssembly, BigDecimal registration,
		BigDecimal discount, MemberCounts counts, int membersCharged, boolean exceedsMaxMembers) {

	public PolicyValue {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(contribution, "contribution");
		Objects.requireNonNull(generalAssembly, "general assembly");
		Objects.requireNonNull(registration, "registration");
		Objects.requireNonNull(discount, "discount");
		Objects.requireNonNull(counts, "counts");
	}

	public int membersCounted() {
		return counts.counted();
	}
}
