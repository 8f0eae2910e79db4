package org.imisfhir.claim.rules;

import java.math.BigDecimal;

/**
 * The unit price a passed line is valued at. A reviewer's approved price wins (rule-decisions 21).
 * Otherwise origin O takes the asked price, capped at the catalogue price for a fixed-price
 * package; origins P and R take the facility's price-list overrule, else the catalogue price.
 */
public final class UnitPriceResolver {

	public BigDecimal unitPrice(ClaimContext context, ClaimLine line, Assignment assignment) {
		if (line.priceApproved() != null) {
			return line.priceApproved();
		}
		CatalogueEntry entry = context.catalogue().find(line.ref())
				.orElseThrow(() -> new IllegalStateException("a passed line refers to " + line.ref() + ", absent from the catalogue"));
		if (assignment.priceOrigin() == PriceOrigin.CLAIMED) {
			if (entry.packageType() == PackageType.FIXED_PRICE) {
				return line.priceAsked().min(entry.price());
			}
			return line.priceAsked();
		}
		return context.facility().priceListEntry(line.ref())
				.map(PriceListEntry::priceOverrule)
				.orElse(entry.price());
	}
}
