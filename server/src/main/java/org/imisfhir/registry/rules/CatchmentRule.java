package org.imisfhir.registry.rules;

import java.math.BigDecimal;
import java.util.Optional;
import org.imisfhir.registry.RegistryViolation;

/** A facility's catchment share of a village is a percentage above 0 and at most 100. */
public final class CatchmentRule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private CatchmentRule() {}

	public static Optional<RegistryViolation> checkPercentage(BigDecimal percentage) {
		if (percentage == null || percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0) {
			return Optional.of(RegistryViolation.CATCHMENT_PERCENTAGE);
		}
		return Optional.empty();
	}
}
