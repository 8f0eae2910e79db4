package org.imisfhir.registry.catalogue;

import static org.imisfhir.registry.catalogue.CatalogueCodes.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.imisfhir.registry.catalogue.rules.RowReport;
import org.imisfhir.app.ImisProperties;
import org.springframework.stereotype.Component;

/**
 * Imports services, items and price lists from CSV (formats in mappings/) or from a FHIR Bundle, row by row:
 * each row is created, updated, left unchanged or refused with its reason. Rows are independent: a refused
 * row does not stop the others. Importing the same file twice changes nothing the second time. Service and item
 * rows are written in chunks of {@code imis.registry.import-chunk-size}, one transaction each
 * ({@link CatalogueChunkWriter}).
 */
@Component
public class CatalogueImporter {

	private static final Set<String> CARE_TYPES = Set.of("I", "O", "B");
	private final CatalogueStore store;
	private final CatalogueCodeRule codeRule;
	private final String currency;
	private final CatalogueChunkWriter writer;
	private final FhirContext fhirContext;
	private final boolean validateEveryRow;

	public CatalogueImporter(CatalogueStore store, CatalogueCodeRule codeRule, ImisProperties properties,
			FhirContext fhirContext) {
		this.store = store;
		this.fhirContext = fhirContext;
		this.validateEveryRow = properties.getRegistry().isImportValidateEveryRow();
		this.codeRule = codeRule;
		this.currency = properties.getRegistry().getCurrency();
		this.writer = new CatalogueChunkWriter(store, Math.max(1, properties.getRegistry().getImportChunkSize()),
				Math.max(1, properties.getRegistry().getImportThreads()));
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
			String reason = RowRefusals.reason(e, locale);
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
		List<CatalogueChunkWriter.Row> rows = new ArrayList<>();
		for (CSVRecord record : parse(csv)) {
			CsvValues values = new CsvValues(record.toMap());
			try {
				DomainResource resource = build.apply(values);
				rows.add(new CatalogueChunkWriter.Row(line(record), CatalogueStore.code(resource, system), resource));
			} catch (CsvValues.InvalidValue e) {
				reports.add(RowReport.refused(line(record), values.text(codeColumn), invalid(locale, record, e.column(), e.value())));
			} catch (ImisRuleException e) {
				reports.add(RowReport.refused(line(record), values.text(codeColumn), RowRefusals.reason(e, locale)));
			}
		}
		reports.addAll(writer.writeInChunks(rows,
				new CatalogueChunkWriter.Batch(system, idPrefix, locale, new RowShapes(fhirContext, validateEveryRow))));
		reports.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return reports;
	}

	private RowReport write(int line, DomainResource resource, String system, String idPrefix, Locale locale) {
		String code = CatalogueStore.code(resource, system);
		try {
			CatalogueStore.Written written = store.upsert(resource, system, idPrefix);
			return new RowReport(line, code, written.outcome(), written.resource(), null);
		} catch (BaseServerResponseException e) {
			return RowReport.refused(line, code == null ? "" : code, RowRefusals.reason(e, locale));
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
}
