package org.imisfhir.migration.rules;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * What the row mappers need besides the rows: the legacy database's name (in ids and legacy identifiers), the
 * scheme currency, the rows loaded so far and the scheme's insurance organisation (contributions' recipient and
 * claims' insurer).
 */
public record MappingContext(String database, String currency, LoadedRecords loaded, Reference insurer) {

	public String resourceId(LegacyTable table, String legacyId) {
		return table.resourceId(database, legacyId);
	}

	public String reference(DomainResource resource, LegacyTable table, String legacyId) {
		return resource.fhirType() + "/" + resourceId(table, legacyId);
	}

	/** The identifier keeping the row's legacy id (system per table, value {@code <database>:<id>}). */
	public Identifier legacyIdentifier(LegacyTable table, String legacyId) {
		return new Identifier().setSystem(table.legacySystem()).setValue(LegacyTable.legacyValue(database, legacyId));
	}

	/** Gives the resource the row's id and legacy identifier. */
	public <T extends DomainResource> T identify(T resource, LegacyRow row) {
		resource.setId(resourceId(row.table(), row.id()));
		return resource;
	}
}
