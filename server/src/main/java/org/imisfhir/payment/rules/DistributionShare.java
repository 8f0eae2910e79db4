package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Share of a period's allocated contributions given to relative-priced care of a care type
 * (tblRelDistr), stored as a fraction: 1.00 is 100 % (rule-decisions 26).
 */
public record DistributionShare(CareType careType, PeriodType periodType, int period, BigDecimal share) {

	public DistributionShare {
		Objects.requireNonNull(careType, "careType");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(share, "share");
	}

	public boolean isFor(CareType side, Period target) {
		return careType == side && periodType == target.type() && period == target.number();
	}
}
