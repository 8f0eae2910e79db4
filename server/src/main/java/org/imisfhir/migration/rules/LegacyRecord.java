package org.imisfhir.migration.rules;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * One record of the export, loaded whole or not at all: its rows (the main row first, then its details or
 * members) and the resources they become. A family with its insurees, a claim with its items and services and
 * its response, a price list with its lines are each one record.
 */
public record LegacyRecord(List<LegacyRow> rows, List<Part> parts) {

	/** A resource of the record, the row it stands for, and what later tables need to know about that row. */
	public record Part(LegacyTable table, String legacyId, DomainResource resource, Map<String, String> facts) {}

	public LegacyRecord {
		rows = List.copyOf(rows);
		parts = List.copyOf(parts);
	}

	public LegacyRow main() {
		return rows.get(0);
	}

	public static LegacyRecord single(LegacyRow row, DomainResource resource, Map<String, String> facts) {
		return new LegacyRecord(List.of(row), List.of(new Part(row.table(), row.id(), resource, facts)));
	}
}
