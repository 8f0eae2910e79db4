package org.imisfhir.registry.catalogue;

import static org.imisfhir.registry.catalogue.CatalogueCodes.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UsageContext;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.imisfhir.registry.catalogue.rules.CatalogueCodeRule;
import org.imisfhir.registry.catalogue.rules.CatalogueViolation;
import org.imisfhir.registry.catalogue.rules.CsvValues;
import org.imisfhir.registry.catalogue.rules.RowOutcome;
import org.imisfhir.registry.catalogue.rules.RowReport;
import org.imisfhir.app.ImisProperties;
import org.springframework.stereotype.Component;

/**
 * Imports services, items and price lists from CSV (formats in mappings/) or from a FHIR Bundle, row by row:
 * each row is created, updated, left unchanged or refused with its reason. Rows are independent: a refused
 * row does not stop the others. Importing the same file twice changes nothing the second time. Service and item
 * rows are written in chunks of {@code imis.registry.import-chunk-size}, one transaction each.
 */
@Component
public class CatalogueImporter {

	private static final Set<String> CARE_TYPES = Set.of("I", "O", "B");
	private final CatalogueStore store;
	private final CatalogueCodeRule codeRule;
	private final String currency;
	private final int chunkSize;
	private final int threads;
	private final FhirContext fhirContext;
	private final boolean validateEveryRow;

	public CatalogueImporter(CatalogueStore store, CatalogueCodeRule codeRule, ImisProperties properties,
			FhirContext fhirContext) {
		this.store = store;
		this.fhirContext = fhirContext;
		this.validateEveryRow = properties.getRegistry().isImportValidateEveryRow();
		this.codeRule = codeRule;
		this.currency = properties.getRegistry().getCurrency();
		this.chunkSize = Math.max(1, properties.getRegistry().getImportChunkSize());
		this.threads = Math.max(1, properties.getRegistry().getImportThreads());
	}

	public List<RowReport> importServices(String csv, Locale locale) {
		return eachRow(csv, locale, "code", row -> CatalogueResources.service(new CatalogueResources.ServiceFields(
				code(row), row.required("name"),
				row.oneOf("type", Set.of("P", "C"), "C"),
				row.oneOf("category", Set.of("S", "D", "A", "H", "C", "O", "V"), "O"),
				row.oneOf("level", Set.of("S", "V", "D", "H"), "S"),
				row.oneOf("care_type", CARE_TYPES, "B"),
				row.integer("frequency", 0, 3650, null),
				row.integer("patient_category", 0, 15, 15),
				row.amount("price", true), currency,
				row.oneOf("package_type", Set.of("S", "P", "F"), "S"),
				row.date("valid_from", "2000-01-01"), validTo(row))), SERVICE_CODE, "svc-");
	}

	public List<RowReport> importItems(String csv, Locale locale) {
		return eachRow(csv, locale, "code", row -> CatalogueResources.item(new CatalogueResources.ItemFields(
				code(row), row.required("name"),
				row.oneOf("type", Set.of("D", "M"), "D"),
				row.text("package"),
				row.amount("price", true), currency,
				row.oneOf("care_type", CARE_TYPES, "B"),
				row.integer("frequency", 0, 3650, null),
				row.integer("patient_category", 0, 15, 15),
				row.date("valid_from", "2000-01-01"), validTo(row))), ITEM_CODE, "itm-");
	}

	/** The last day of a service or item (openIMIS validity_to, "deleted"), not before its first; null when open. */
	private static String validTo(CsvValues row) {
		String to = row.date("valid_to", null);
		if (to != null && to.compareTo(row.date("valid_from", "2000-01-01")) < 0) {
			throw new CsvValues.InvalidValue("valid_to", to);
		}
		return to;
	}

	/** Rows: list_code, list_name, kind (service|item), location_code, valid_from, code, price_overrule. */
	public List<RowReport> importPriceLists(String csv, Locale locale) {
		List<CSVRecord> records = parse(csv);
		Map<String, List<CSVRecord>> lists = new LinkedHashMap<>();
		List<RowReport> reports = new ArrayList<>();
		for (CSVRecord record : records) {
			String listCode = new CsvValues(record.toMap()).text("list_code");
			if (listCode.isEmpty()) {
				reports.add(RowReport.refused(line(record), "", invalid(locale, record, "list_code", "")));
			} else {
				lists.computeIfAbsent(listCode, c -> new ArrayList<>()).add(record);
			}
		}
		// The lists' locations and the stored lists, each read with one search for the whole file
		Map<String, Location> locations = store.findByCodes(Location.class, CatalogueStore.LOCATION_CODE,
				lists.values().stream().map(rows -> new CsvValues(rows.get(0).toMap()).text("location_code")).toList());
		Map<String, ChargeItemDefinition> stored =
				store.findByCodes(ChargeItemDefinition.class, CatalogueStore.PRICE_LIST_CODE, lists.keySet());
		lists.forEach((listCode, rows) -> reports.addAll(importPriceList(listCode, rows, locations, stored.get(listCode), locale)));
		reports.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return reports;
	}

	private List<RowReport> importPriceList(String listCode, List<CSVRecord> rows, Map<String, Location> locations,
			ChargeItemDefinition storedList, Locale locale) {
		List<RowReport> reports = new ArrayList<>();
		CsvValues head = new CsvValues(rows.get(0).toMap());
		ChargeItemDefinition list = new ChargeItemDefinition();
		boolean services;
		Location location;
		try {
			services = "SERVICE".equals(head.oneOf("kind", Set.of("SERVICE", "ITEM"), null));
			String locationCode = head.required("location_code");
			location = locations.get(locationCode);
			if (location == null) {
				String reason = Messages.text(CatalogueViolation.UNKNOWN_CODE.messageKey(), locale, line(rows.get(0)), Messages.text("kind.location", locale), locationCode);
				return rows.stream().map(r -> RowReport.refused(line(r), new CsvValues(r.toMap()).text("code"), reason)).toList();
			}
			list.addIdentifier().setSystem(CatalogueStore.PRICE_LIST_CODE).setValue(listCode);
			list.setUrl(BASE + "price-list/" + listCode);
			list.setTitle(head.required("list_name"));
			list.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
			String validFrom = head.date("valid_from", "2000-01-01");
			list.setDateElement(new DateTimeType(validFrom));
			list.setEffectivePeriod(new Period().setStartElement(new DateTimeType(validFrom)));
			list.getCode().addCoding(new Coding(PRICE_LIST_KIND_SYSTEM, services ? "service" : "item", null));
			list.addUseContext(new UsageContext(new Coding(USAGE_CONTEXT_TYPE, "venue", null),
					new Reference("Location/" + location.getIdElement().getIdPart())));
		} catch (CsvValues.InvalidValue e) {
			String reason = invalid(locale, rows.get(0), e.column(), e.value());
			return rows.stream().map(r -> RowReport.refused(line(r), new CsvValues(r.toMap()).text("code"), reason)).toList();
		}
		Map<String, String> ids = store.resolve(services ? ActivityDefinition.class : Medication.class,
				services ? SERVICE_CODE : ITEM_CODE,
				rows.stream().map(r -> new CsvValues(r.toMap()).text("code")).toList());
		List<CSVRecord> accepted = new ArrayList<>();
		for (CSVRecord row : rows) {
			CsvValues values = new CsvValues(row.toMap());
			String code = values.text("code");
			String id = ids.get(code);
			if (id == null) {
				reports.add(RowReport.refused(line(row), code, Messages.text(CatalogueViolation.UNKNOWN_CODE.messageKey(), locale,
						line(row), Messages.text(services ? "kind.service" : "kind.item", locale), code)));
				continue;
			}
			try {
				BigDecimal overrule = values.amount("price_overrule", false);
				ChargeItemDefinition.ChargeItemDefinitionPropertyGroupComponent entry = list.addPropertyGroup();
				entry.addExtension(PRICE_LIST_ENTRY, new Reference(id));
				if (overrule != null) {
					entry.addPriceComponent().setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE)
							.setAmount(CatalogueResources.money(overrule, currency));
				}
				accepted.add(row);
			} catch (CsvValues.InvalidValue e) {
				reports.add(RowReport.refused(line(row), code, invalid(locale, row, e.column(), e.value())));
			}
		}
		try {
			CatalogueStore.Written written = store.upsert(list, storedList, CatalogueStore.PRICE_LIST_CODE, "pl-");
			accepted.forEach(row -> reports.add(new RowReport(line(row), new CsvValues(row.toMap()).text("code"),
					written.outcome(), written.resource(), null)));
		} catch (BaseServerResponseException e) {
			String reason = reason(e, locale);
			accepted.forEach(row -> reports.add(RowReport.refused(line(row), new CsvValues(row.toMap()).text("code"), reason)));
		}
		return reports;
	}

	/** Each entry's resource (ActivityDefinition, Medication or ChargeItemDefinition) upserted by its code. */
	public List<RowReport> importBundle(Bundle bundle, Locale locale) {
		List<RowReport> reports = new ArrayList<>();
		int number = 0;
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			number++;
			Resource resource = entry.getResource();
			String system = resource instanceof ActivityDefinition ? SERVICE_CODE
					: resource instanceof Medication ? ITEM_CODE
					: resource instanceof ChargeItemDefinition ? CatalogueStore.PRICE_LIST_CODE : null;
			if (system == null) {
				reports.add(RowReport.refused(number, "", Messages.text(CatalogueViolation.IMPORT_VALUE.messageKey(), locale,
						number, resource == null ? "" : resource.fhirType(), "resourceType")));
				continue;
			}
			DomainResource domain = (DomainResource) resource;
			domain.setId((String) null);
			String prefix = resource instanceof ActivityDefinition ? "svc-" : resource instanceof Medication ? "itm-" : "pl-";
			reports.add(write(number, domain, system, prefix, locale));
		}
		return reports;
	}

	private List<RowReport> eachRow(String csv, Locale locale, String codeColumn,
			Function<CsvValues, DomainResource> build, String system, String idPrefix) {
		List<RowReport> reports = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (CSVRecord record : parse(csv)) {
			CsvValues values = new CsvValues(record.toMap());
			try {
				DomainResource resource = build.apply(values);
				rows.add(new Row(line(record), CatalogueStore.code(resource, system), resource));
			} catch (CsvValues.InvalidValue e) {
				reports.add(RowReport.refused(line(record), values.text(codeColumn), invalid(locale, record, e.column(), e.value())));
			} catch (ImisRuleException e) {
				reports.add(RowReport.refused(line(record), values.text(codeColumn), reason(e, locale)));
			}
		}
		reports.addAll(writeInChunks(rows, new Batch(system, idPrefix, locale, new RowShapes(fhirContext, validateEveryRow))));
		reports.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return reports;
	}

	/** A row ready to be written: its line, its code and the resource it gives. */
	private record Row(int line, String code, DomainResource resource) {}

	/** The rows of one import: their code system, id prefix, the report's language, their validated shapes. */
	private record Batch(String system, String idPrefix, Locale locale, RowShapes shapes) {}

	/**
	 * Writes the rows chunk by chunk: the stored resources of a chunk's codes are read with one search, unchanged
	 * rows are not written, and the others are written in one transaction. A chunk never holds the same code
	 * twice, so a repeated code is matched against what the earlier row wrote, as when rows are written one by one.
	 */
	private List<RowReport> writeInChunks(List<Row> rows, Batch batch) {
		List<List<Row>> chunks = new ArrayList<>();
		List<Row> chunk = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<String> seen = new HashSet<>();
		boolean repeated = false;
		for (Row row : rows) {
			repeated |= !seen.add(String.valueOf(row.code()));
			if (chunk.size() >= chunkSize || !codes.add(row.code())) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				codes.clear();
				codes.add(row.code());
			}
			chunk.add(row);
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		// Chunks of distinct codes do not read what another writes, so they can be written side by side; a code
		// that repeats must see what its earlier row wrote, so such a file is written chunk after chunk.
		if (repeated || threads == 1 || chunks.size() <= 1) {
			List<RowReport> reports = new ArrayList<>();
			for (List<Row> each : chunks) {
				reports.addAll(writeChunk(each, batch));
			}
			return reports;
		}
		return writeSideBySide(chunks, batch);
	}

	private List<RowReport> writeSideBySide(List<List<Row>> chunks, Batch batch) {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
				Math.min(threads, chunks.size()), runnable -> {
					Thread thread = new Thread(runnable, "imis-catalogue-import");
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<java.util.concurrent.Future<List<RowReport>>> written = new ArrayList<>();
			for (List<Row> each : chunks) {
				written.add(pool.submit(() -> writeChunk(each, batch)));
			}
			List<RowReport> reports = new ArrayList<>();
			for (java.util.concurrent.Future<List<RowReport>> future : written) {
				reports.addAll(future.get());
			}
			return reports;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("catalogue import interrupted", e);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	private List<RowReport> writeChunk(List<Row> chunk, Batch batch) {
		Class<? extends DomainResource> type = chunk.get(0).resource().getClass();
		Map<String, ? extends DomainResource> stored =
				store.findByCodes(type, batch.system(), chunk.stream().map(Row::code).toList());
		List<RowReport> reports = new ArrayList<>();
		List<Row> toWrite = new ArrayList<>();
		List<CatalogueStore.Planned> plans = new ArrayList<>();
		for (Row row : chunk) {
			CatalogueStore.Planned planned = store.plan(row.resource(), stored.get(row.code()), batch.system(), batch.idPrefix());
			if (planned.outcome() == RowOutcome.UNCHANGED) {
				reports.add(new RowReport(row.line(), row.code(), RowOutcome.UNCHANGED, planned.resource(), null));
			} else {
				toWrite.add(row);
				plans.add(planned);
			}
		}
		reports.addAll(writeTogether(toWrite, plans, batch));
		return reports;
	}

	/**
	 * Writes the rows in one transaction; when one of them is refused, nothing of it is kept and each half is
	 * written again on its own, down to the single row whose refusal is reported. The other rows are written.
	 */
	private List<RowReport> writeTogether(List<Row> rows, List<CatalogueStore.Planned> plans, Batch batch) {
		if (rows.isEmpty()) {
			return List.of();
		}
		try {
			List<String> written = store.writeTogether(rows.stream().map(Row::resource).toList(), batch.shapes());
			List<RowReport> reports = new ArrayList<>(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				reports.add(new RowReport(rows.get(i).line(), rows.get(i).code(), plans.get(i).outcome(), written.get(i), null));
			}
			return reports;
		} catch (BaseServerResponseException e) {
			if (rows.size() == 1) {
				Row row = rows.get(0);
				return List.of(RowReport.refused(row.line(), row.code() == null ? "" : row.code(), reason(e, batch.locale())));
			}
			int half = rows.size() / 2;
			List<RowReport> reports = new ArrayList<>(writeTogether(rows.subList(0, half), plans.subList(0, half), batch));
			reports.addAll(writeTogether(rows.subList(half, rows.size()), plans.subList(half, rows.size()), batch));
			return reports;
		}
	}

	private RowReport write(int line, DomainResource resource, String system, String idPrefix, Locale locale) {
		String code = CatalogueStore.code(resource, system);
		try {
			CatalogueStore.Written written = store.upsert(resource, system, idPrefix);
			return new RowReport(line, code, written.outcome(), written.resource(), null);
		} catch (BaseServerResponseException e) {
			return RowReport.refused(line, code == null ? "" : code, reason(e, locale));
		}
	}

	private String code(CsvValues row) {
		String code = row.text("code");
		codeRule.check(code).ifPresent(refusal -> {
			throw ImisRuleException.businessRule(refusal.violation(), refusal.arguments());
		});
		return code;
	}

	static List<CSVRecord> parse(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		int firstLineEnd = text.indexOf('\n');
		String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(false).build();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			return parser.getRecords();
		} catch (IOException | IllegalArgumentException | IllegalStateException e) {
			throw ImisRuleException.businessRule(CatalogueViolation.IMPORT_FORMAT, e.getMessage());
		}
	}

	private static int line(CSVRecord record) {
		return (int) record.getRecordNumber() + 1;
	}

	private static String invalid(Locale locale, CSVRecord record, String column, String value) {
		return Messages.text(CatalogueViolation.IMPORT_VALUE.messageKey(), locale, line(record), value, column);
	}

	private static String reason(BaseServerResponseException e, Locale locale) {
		if (e instanceof ImisRuleException rule && rule.getViolation() != null) {
			return Messages.text(rule.getViolation().messageKey(), locale, rule.getArguments());
		}
		return e.getStatusCode() == 409 && e.getMessage() != null && e.getMessage().contains("HAPI-1093")
				? Messages.text("error.duplicate", locale)
				: e.getMessage();
	}
}
