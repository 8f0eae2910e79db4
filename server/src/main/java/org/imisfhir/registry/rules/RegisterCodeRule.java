package org.imisfhir.registry.rules;

import java.util.Optional;
import org.imisfhir.registry.RegistryViolation;

/** A register's code is present, not blank and not longer than the register allows (openIMIS column sizes). */
public final class RegisterCodeRule {

	private RegisterCodeRule() {}

	public static Optional<RegistryViolation> check(String code, int maxLength) {
		if (code == null || code.isBlank()) {
			return Optional.of(RegistryViolation.CODE_MISSING);
		}
		return code.length() > maxLength ? Optional.of(RegistryViolation.CODE_TOO_LONG) : Optional.empty();
	}
}
