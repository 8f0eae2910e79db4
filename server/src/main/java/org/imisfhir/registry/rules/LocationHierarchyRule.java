package org.imisfhir.registry.rules;

import java.util.Optional;
import org.imisfhir.registry.RegistryViolation;

/**
 * A location's parent is of the level just above it: a region has no parent, a district lies in a region,
 * a municipality in a district, a village in a municipality.
 */
public final class LocationHierarchyRule {

	private LocationHierarchyRule() {}

	/**
	 * @param level the location's level
	 * @param parentLevel the parent's level, or empty when the location has no parent
	 */
	public static Optional<RegistryViolation> check(LocationLevel level, Optional<LocationLevel> parentLevel) {
		Optional<LocationLevel> expected = level.parentLevel();
		if (expected.isEmpty()) {
			return parentLevel.isPresent() ? Optional.of(RegistryViolation.LOCATION_REGION_HAS_PARENT) : Optional.empty();
		}
		if (parentLevel.isEmpty()) {
			return Optional.of(RegistryViolation.LOCATION_PARENT_REQUIRED);
		}
		return parentLevel.get() == expected.get() ? Optional.empty() : Optional.of(RegistryViolation.LOCATION_PARENT_LEVEL);
	}
}
