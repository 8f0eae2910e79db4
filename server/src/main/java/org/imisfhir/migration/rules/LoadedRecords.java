package org.imisfhir.migration.rules;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows loaded so far in this import (created, updated or unchanged), by table and legacy id, with the facts
 * later tables need from them (an item's code, a family's code and head, a policy's product). Rows refer to each
 * other only through this: a reference to a row that is not here is refused, never left dangling.
 */
public final class LoadedRecords {

	/** A loaded row: the reference of its resource and a few facts about it. */
	public record Loaded(String reference, Map<String, String> facts) {
		public String fact(String name) {
			return facts.get(name);
		}
	}

	private final Map<LegacyTable, Map<String, Loaded>> loaded = new EnumMap<>(LegacyTable.class);

	public void put(LegacyTable table, String legacyId, String reference, Map<String, String> facts) {
		loaded.computeIfAbsent(table, t -> new HashMap<>()).put(legacyId, new Loaded(reference, Map.copyOf(facts)));
	}

	public Optional<Loaded> find(LegacyTable table, String legacyId) {
		return Optional.ofNullable(loaded.getOrDefault(table, Map.of()).get(legacyId));
	}

	/** The loaded row the column refers to; refuses the row when the column is set but the row is not loaded. */
	public Optional<Loaded> optional(LegacyRow row, String column, LegacyTable referred) {
		if (!row.has(column)) {
			return Optional.empty();
		}
		return Optional.of(find(referred, row.text(column)).orElseThrow(() -> RowRefusal.unknown(row, column, referred)));
	}

	/** The loaded row the column refers to; refuses the row when the column is empty or the row is not loaded. */
	public Loaded required(LegacyRow row, String column, LegacyTable referred) {
		row.required(column);
		return optional(row, column, referred).orElseThrow();
	}
}
