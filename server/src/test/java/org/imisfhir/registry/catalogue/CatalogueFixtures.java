package org.imisfhir.registry.catalogue;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Medication;

/** Valid medical services and items for tests. */
public final class CatalogueFixtures {

	private CatalogueFixtures() {}

	static ActivityDefinition service(String code, String name, int price) {
		return CatalogueResources.service(new CatalogueResources.ServiceFields(
				code, name, "C", "C", "S", "B", null, 15, BigDecimal.valueOf(price), "XAF", "S", "2026-01-01"));
	}

	public static Medication item(String code, String name, int price) {
		return CatalogueResources.item(new CatalogueResources.ItemFields(
				code, name, "D", "1x100 tablets", BigDecimal.valueOf(price), "XAF", "B", null, 15, "2026-01-01"));
	}

	/** A code of six characters no other test uses. */
	public static String code(String prefix) {
		return prefix + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 6 - prefix.length()).toUpperCase();
	}
}
