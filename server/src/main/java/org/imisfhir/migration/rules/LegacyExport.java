package org.imisfhir.migration.rules;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV extracts of an openIMIS database, table by table. Following openIMIS's history convention, only the
 * current rows (ValidityTo empty) are kept; the others are earlier versions of a record (they carry the current
 * row's id in LegacyID) and are only counted. A current row whose id repeats an earlier current row's is refused.
 */
public final class LegacyExport {

	private final Map<LegacyTable, List<LegacyRow>> current = new EnumMap<>(LegacyTable.class);
	private final Map<LegacyTable, Integer> read = new EnumMap<>(LegacyTable.class);
	private final Map<LegacyTable, Integer> history = new EnumMap<>(LegacyTable.class);
	private final Map<LegacyTable, List<RejectedRow>> rejected = new EnumMap<>(LegacyTable.class);

	/** A row refused while reading the export (before any mapping). */
	public record RejectedRow(LegacyRow row, RowRefusal refusal) {}

	/** Reads the tables given by openIMIS table name (tblInsuree or tblInsuree.csv, any case) and CSV text. */
	public static LegacyExport read(Map<String, String> csvByTable) {
		LegacyExport export = new LegacyExport();
		csvByTable.forEach((name, csv) -> {
			LegacyTable table = LegacyTable.byName(name)
					.orElseThrow(() -> new RowRefusal(MigrationViolation.EXPORT_FORMAT, "unknown table " + name));
			export.add(table, csv);
		});
		return export;
	}

	private void add(LegacyTable table, String csv) {
		List<LegacyRow> rows = new ArrayList<>();
		List<RejectedRow> refused = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int all = 0;
		int earlier = 0;
		for (CSVRecord record : parse(table, csv)) {
			all++;
			LegacyRow row = new LegacyRow(table, (int) record.getRecordNumber() + 1, record.toMap());
			if (row.has("ValidityTo")) {
				earlier++;
				continue;
			}
			try {
				Integer first = seen.putIfAbsent(row.id(), row.line());
				if (first != null) {
					throw new RowRefusal(MigrationViolation.DUPLICATE_ID, row.line(), table.tableName(), row.id(), first);
				}
				rows.add(row);
			} catch (RowRefusal refusal) {
				refused.add(new RejectedRow(row, refusal));
			}
		}
		current.put(table, rows);
		read.put(table, all);
		history.put(table, earlier);
		rejected.put(table, refused);
	}

	private static List<CSVRecord> parse(LegacyTable table, String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		int firstLineEnd = text.indexOf('\n');
		String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(false).build();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			if (!parser.getHeaderMap().containsKey(table.idColumn())) {
				throw new RowRefusal(MigrationViolation.EXPORT_FORMAT, table.tableName() + " has no column " + table.idColumn());
			}
			return parser.getRecords();
		} catch (IOException | IllegalArgumentException | IllegalStateException e) {
			throw new RowRefusal(MigrationViolation.EXPORT_FORMAT, table.tableName() + ": " + e.getMessage());
		}
	}

	public boolean has(LegacyTable table) {
		return current.containsKey(table);
	}

	/** The current rows of a table, in file order; none when the table is not in the export. */
	public List<LegacyRow> rows(LegacyTable table) {
		return current.getOrDefault(table, List.of());
	}

	/** Data rows of the file (current and history). */
	public int rowsRead(LegacyTable table) {
		return read.getOrDefault(table, 0);
	}

	/** Rows left out because they are earlier versions (ValidityTo set). */
	public int historyRows(LegacyTable table) {
		return history.getOrDefault(table, 0);
	}

	public List<RejectedRow> rejected(LegacyTable table) {
		return rejected.getOrDefault(table, List.of());
	}
}
