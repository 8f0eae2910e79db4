package org.imisfhir.registry.catalogue.rules;

import java.util.Optional;

/**
 * A service or item code is present and at most {@code maxLength} characters long (openIMIS: 6). Returns the
 * refusal, or empty when the code is acceptable.
 */
public final class CatalogueCodeRule {

	private final int maxLength;

	public CatalogueCodeRule(int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("maximum code length must be at least 1, was " + maxLength);
		}
		this.maxLength = maxLength;
	}

	public int maxLength() {
		return maxLength;
	}

	public Optional<Refusal> check(String code) {
		if (code == null || code.isBlank()) {
			return Optional.of(new Refusal(CatalogueViolation.CODE_MISSING));
		}
		if (code.length() > maxLength) {
			return Optional.of(new Refusal(CatalogueViolation.CODE_TOO_LONG, code, code.length(), maxLength));
		}
		return Optional.empty();
	}

	/** A refusal: the reason and the arguments of its message. */
	public record Refusal(CatalogueViolation violation, Object... arguments) {}
}
