package org.imisfhir.programme;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The record kept of each voucher import (Basic of profile imis-voucher-import, extension voucher-import): its
 * id, programme, when, by whom and its counts, so that the duplicates an import reported can be counted later
 * (the programme report); and each row it took (extension voucher-import-row: line, number and status as written,
 * outcome, the status stored when the import read it), so that numbers that came more than once can be listed
 * with each of their rows ({@code Basic/$voucher-duplicates}). Refused rows are counted, not kept.
 */
public final class VoucherImports {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-voucher-import";
	public static final String EXTENSION = "https://imis-fhir.org/fhir/StructureDefinition/voucher-import";
	public static final String ROW = "https://imis-fhir.org/fhir/StructureDefinition/voucher-import-row";
	public static final String KIND = "voucher-import";

	/** A row the import took: its line, number and status as written, its outcome, the status stored before (or null). */
	public record Row(int line, String number, String status, String outcome, String found) {}

	private VoucherImports() {}

	public static Basic record(String importId, String programme, Date at, String by, int created, int unchanged,
			int duplicate, int refused, List<Row> rows) {
		Basic record = new Basic();
		record.getMeta().addProfile(PROFILE);
		record.setCode(new CodeableConcept(new Coding(Vouchers.KIND_SYSTEM, KIND, "Record of a voucher import")));
		record.setCreatedElement(new DateType(at));
		Extension details = record.addExtension().setUrl(EXTENSION);
		details.addExtension("importId", new StringType(importId));
		details.addExtension("programme", new StringType(programme));
		details.addExtension("at", new DateTimeType(at));
		if (by != null && !by.isBlank()) {
			details.addExtension("by", new StringType(by));
		}
		details.addExtension("created", new IntegerType(created));
		details.addExtension("unchanged", new IntegerType(unchanged));
		details.addExtension("duplicate", new IntegerType(duplicate));
		details.addExtension("refused", new IntegerType(refused));
		for (Row row : rows) {
			Extension kept = record.addExtension().setUrl(ROW);
			kept.addExtension("line", new IntegerType(row.line()));
			kept.addExtension("number", new StringType(row.number()));
			kept.addExtension("status", new StringType(row.status()));
			kept.addExtension("outcome", new CodeType(row.outcome()));
			if (row.found() != null) {
				kept.addExtension("found", new CodeType(row.found()));
			}
		}
		return record;
	}

	public static boolean isRecord(Basic basic) {
		return basic.getExtensionByUrl(EXTENSION) != null;
	}

	/** A part of the record as text (importId, programme, at, by), or a count as its decimal text. */
	public static Optional<String> part(Basic record, String name) {
		Extension details = record.getExtensionByUrl(EXTENSION);
		Extension part = details == null ? null : details.getExtensionByUrl(name);
		return part == null || part.getValue() == null ? Optional.empty() : Optional.ofNullable(part.getValue().primitiveValue());
	}

	/** The rows a record kept (none for imports recorded before rows were kept). */
	public static List<Row> rows(Basic record) {
		List<Row> rows = new ArrayList<>();
		for (Extension row : record.getExtensionsByUrl(ROW)) {
			Extension line = row.getExtensionByUrl("line");
			rows.add(new Row(line == null || line.getValue() == null ? 0 : Integer.parseInt(line.getValue().primitiveValue()),
					text(row, "number"), text(row, "status"), text(row, "outcome"), text(row, "found")));
		}
		return rows;
	}

	private static String text(Extension extension, String part) {
		Extension value = extension.getExtensionByUrl(part);
		return value == null || value.getValue() == null ? null : value.getValue().primitiveValue();
	}
}
