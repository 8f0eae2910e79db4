package org.imisfhir.payment.rules;

import java.util.Objects;

/**
 * Level of a health facility (D dispensary, C health centre, H hospital) and its sublevel
 * (I integrated, N none, R reference), which may be null.
 */
public record FacilityLevel(String level, String sublevel) {

	public FacilityLevel {
		Objects.requireNonNull(level, "level");
	}
}
