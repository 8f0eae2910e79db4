package org.imisfhir.payment.rules;

import java.util.List;
import java.util.Objects;

/**
 * The facility levels a product pays by capitation (capitation_level_1..4 with their sublevels).
 * A level without a sublevel covers every sublevel of that level, as in the legacy procedures.
 */
public record CapitationLevels(List<FacilityLevel> levels) {

	public static final CapitationLevels NONE = new CapitationLevels(List.of());

	public CapitationLevels {
		levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
		if (levels.size() > 4) {
			throw new IllegalArgumentException("a product has at most 4 capitation levels");
		}
	}

	public static CapitationLevels of(FacilityLevel... levels) {
		return new CapitationLevels(List.of(levels));
	}

	public boolean covers(FacilityLevel facility) {
		return levels.stream().anyMatch(paid -> paid.level().equals(facility.level())
				&& (paid.sublevel() == null || paid.sublevel().equals(facility.sublevel())));
	}
}
