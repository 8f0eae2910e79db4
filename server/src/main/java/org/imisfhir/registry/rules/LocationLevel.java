package org.imisfhir.registry.rules;

import java.util.Optional;

/** The four levels of the administrative tree, top to bottom (openIMIS location types R, D, W, V). */
public enum LocationLevel {
	REGION("R"),
	DISTRICT("D"),
	MUNICIPALITY("W"),
	VILLAGE("V");

	private final String code;

	LocationLevel(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<LocationLevel> ofCode(String code) {
		for (LocationLevel level : values()) {
			if (level.code.equals(code)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	/** The level a parent of this level must have; empty for a region, which has no parent. */
	public Optional<LocationLevel> parentLevel() {
		return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}
}
