package org.imisfhir.programme;

import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Basic;
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
 * (the programme report).
 */
public final class VoucherImports {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-voucher-import";
	public static final String EXTENSION = "https://imis-fhir.org/fhir/StructureDefinition/voucher-import";
	public static final String KIND = "voucher-import";

	private VoucherImports() {}

	public static Basic record(String importId, String programme, Date at, String by, int created, int unchanged,
			int duplicate, int refused) {
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
}
