package org.imisfhir.migration.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the import did with one table: data rows read, earlier versions left out (ValidityTo set), and of the
 * current rows how many were created, updated, unchanged or refused, each refused row with its line, legacy id,
 * coded reason and text.
 */
public final class TableReport {

	/** A refused row: its line in the file (1 is the header), its legacy id, the reason code and its text. */
	public record RefusedRow(int line, String legacyId, String code, String reason) {}

	private final LegacyTable table;
	private int read;
	private int history;
	private int created;
	private int updated;
	private int unchanged;
	private final List<RefusedRow> refused = new ArrayList<>();

	public TableReport(LegacyTable table) {
		this.table = table;
	}

	public void read(int rows, int earlierVersions) {
		this.read = rows;
		this.history = earlierVersions;
	}

	public void count(RowOutcome outcome) {
		switch (outcome) {
			case CREATED -> created++;
			case UPDATED -> updated++;
			case UNCHANGED -> unchanged++;
		}
	}

	public void refuse(LegacyRow row, String code, String reason) {
		String id = row.text(table.idColumn());
		refused.add(new RefusedRow(row.line(), id, code, reason));
	}

	public LegacyTable table() {
		return table;
	}

	public int read() {
		return read;
	}

	public int history() {
		return history;
	}

	public int created() {
		return created;
	}

	public int updated() {
		return updated;
	}

	public int unchanged() {
		return unchanged;
	}

	public List<RefusedRow> refused() {
		refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return List.copyOf(refused);
	}

	/** What was done with a row. */
	public enum RowOutcome {
		CREATED, UPDATED, UNCHANGED;

		/** The outcome of a record made of parts: created if any part was, else updated if any was, else unchanged. */
		public static RowOutcome strongest(RowOutcome a, RowOutcome b) {
			return a.ordinal() <= b.ordinal() ? a : b;
		}
	}
}
