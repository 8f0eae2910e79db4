package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** An item or service on a facility's price list; {@code priceOverrule} null means the catalogue price. */
public record PriceListEntry(MedicalRef ref, BigDecimal priceOverrule) {

	public PriceListEntry {
		Objects.requireNonNull(ref, "ref");
	}
}
