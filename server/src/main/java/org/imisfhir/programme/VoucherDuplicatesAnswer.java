package org.imisfhir.programme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.outcome.Messages;
import org.imisfhir.programme.rules.VoucherFinding;
import org.imisfhir.programme.rules.VoucherReview;

/**
 * The listing of duplicate and suspicious vouchers as FHIR Parameters (a {@code duplicate} per number that came
 * more than once with its findings and {@code occurrence}s, a {@code suspicious} per voucher with its findings) or
 * as one CSV table (a row per occurrence of a duplicate, a row per finding of a suspicious voucher).
 */
final class VoucherDuplicatesAnswer {

	static final List<String> CSV_COLUMNS = List.of("section", "number", "programme", "voucher", "status", "finding",
			"import", "import_day", "line", "status_asked", "outcome", "found", "related", "detail");

	private VoucherDuplicatesAnswer() {}

	static Parameters parameters(VoucherReview.Result result, Locale locale) {
		Parameters out = new Parameters();
		out.addParameter().setName("duplicateCount").setValue(new IntegerType(result.duplicates().size()));
		out.addParameter().setName("suspiciousCount").setValue(new IntegerType(result.suspects().size()));
		for (VoucherReview.Duplicate duplicate : result.duplicates()) {
			ParametersParameterComponent entry = out.addParameter().setName("duplicate");
			voucherParts(entry, duplicate.number(), duplicate.voucher());
			for (VoucherFinding code : duplicate.findings()) {
				finding(entry, code, detail(code, duplicate, locale), List.of());
			}
			for (VoucherReview.ImportRow row : duplicate.rows()) {
				ParametersParameterComponent occurrence = entry.addPart().setName("occurrence");
				occurrence.addPart().setName("import").setValue(new StringType(row.importId()));
				occurrence.addPart().setName("record").setValue(new Reference("Basic/" + row.recordId()));
				if (row.day() != null) {
					occurrence.addPart().setName("at").setValue(new DateType(row.day().toString()));
				}
				occurrence.addPart().setName("line").setValue(new IntegerType(row.line()));
				occurrence.addPart().setName("status").setValue(new StringType(row.status()));
				occurrence.addPart().setName("outcome").setValue(new CodeType(row.outcome()));
				if (row.found() != null) {
					occurrence.addPart().setName("found").setValue(new CodeType(row.found().code()));
				}
			}
		}
		for (VoucherReview.Suspect suspect : result.suspects()) {
			ParametersParameterComponent entry = out.addParameter().setName("suspicious");
			voucherParts(entry, suspect.voucher().number(), suspect.voucher());
			for (VoucherReview.Finding finding : suspect.findings()) {
				finding(entry, finding.code(), detail(finding, suspect.voucher(), locale), finding.related());
			}
		}
		return out;
	}

	static String csv(VoucherReview.Result result, Locale locale) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).build())) {
			for (VoucherReview.Duplicate duplicate : result.duplicates()) {
				String findings = duplicate.findings().stream().map(VoucherFinding::code).collect(Collectors.joining(" "));
				String detail = duplicate.findings().stream().map(code -> detail(code, duplicate, locale)).collect(Collectors.joining(" "));
				for (VoucherReview.ImportRow row : duplicate.rows()) {
					List<String> cells = new ArrayList<>(leading("duplicate", duplicate.number(), duplicate.voucher()));
					cells.addAll(List.of(findings, row.importId(), row.day() == null ? "" : row.day().toString(),
							String.valueOf(row.line()), row.status(), row.outcome(), row.found() == null ? "" : row.found().code(),
							"Basic/" + row.recordId(), detail));
					printer.printRecord(cells);
				}
			}
			for (VoucherReview.Suspect suspect : result.suspects()) {
				for (VoucherReview.Finding finding : suspect.findings()) {
					List<String> cells = new ArrayList<>(leading("suspicious", suspect.voucher().number(), suspect.voucher()));
					cells.addAll(List.of(finding.code().code(), "", "", "", "", "", "", String.join(" ", finding.related()),
							detail(finding, suspect.voucher(), locale)));
					printer.printRecord(cells);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static List<String> leading(String section, String number, VoucherReview.Voucher voucher) {
		return List.of(section, number, voucher == null || voucher.programme() == null ? "" : voucher.programme(),
				voucher == null ? "" : "Basic/" + voucher.id(), voucher == null ? "" : voucher.status().code());
	}

	private static void voucherParts(ParametersParameterComponent entry, String number, VoucherReview.Voucher voucher) {
		entry.addPart().setName("number").setValue(new StringType(number));
		if (voucher != null) {
			entry.addPart().setName("voucher").setValue(new Reference("Basic/" + voucher.id()));
			entry.addPart().setName("status").setValue(new CodeType(voucher.status().code()));
			if (voucher.programme() != null) {
				entry.addPart().setName("programme").setValue(new StringType(voucher.programme()));
			}
		}
	}

	private static void finding(ParametersParameterComponent entry, VoucherFinding code, String detail, List<String> related) {
		ParametersParameterComponent finding = entry.addPart().setName("finding");
		finding.addPart().setName("code").setValue(new Coding(VoucherFinding.SYSTEM, code.code(), null));
		finding.addPart().setName("detail").setValue(new StringType(detail));
		related.forEach(reference -> finding.addPart().setName("related").setValue(new Reference(reference)));
	}

	private static String detail(VoucherFinding code, VoucherReview.Duplicate duplicate, Locale locale) {
		long imports = duplicate.rows().stream().map(VoucherReview.ImportRow::recordId).distinct().count();
		return Messages.text("voucher.finding." + code.code(), locale, duplicate.number(), String.valueOf(imports));
	}

	private static String detail(VoucherReview.Finding finding, VoucherReview.Voucher voucher, Locale locale) {
		return Messages.text("voucher.finding." + finding.code().code(), locale, voucher.number(), finding.argument());
	}
}
