package org.imisfhir.migration;

import static org.imisfhir.migration.rules.LegacyTable.*;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DomainResource;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.migration.rules.ClaimRows;
import org.imisfhir.migration.rules.EnrolmentRows;
import org.imisfhir.migration.rules.ImportReport;
import org.imisfhir.migration.rules.LegacyExport;
import org.imisfhir.migration.rules.LegacyRecord;
import org.imisfhir.migration.rules.LegacyRow;
import org.imisfhir.migration.rules.LegacyTable;
import org.imisfhir.migration.rules.LoadedRecords;
import org.imisfhir.migration.rules.MappingContext;
import org.imisfhir.migration.rules.MigrationViolation;
import org.imisfhir.migration.rules.ProductRows;
import org.imisfhir.migration.rules.Reconciliation;
import org.imisfhir.migration.rules.RegistryRows;
import org.imisfhir.migration.rules.RowRefusal;
import org.imisfhir.migration.rules.TableReport;
import org.imisfhir.migration.rules.TableReport.RowOutcome;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads an openIMIS export table by table in dependency order (locations, facilities, items, services, price
 * lists, products, families with their insurees, policies, premiums, claims with their lines), record by
 * record: each record is mapped, compared with what is stored under its ids, and written in one transaction
 * when anything changed. A refused record is reported row by row and never half-written; the other records
 * go on. The reconciliation then reads back what is stored for the export's rows.
 */
@Component
public class LegacyImporter {

	private static final Logger LOG = LoggerFactory.getLogger(LegacyImporter.class);

	private final MigrationStore store;
	private final String currency;

	public LegacyImporter(MigrationStore store, ImisProperties properties) {
		this.store = store;
		this.currency = properties.getEnrolment().getCurrency();
	}

	public ImportReport importExport(LegacyExport export, String database, Locale locale) {
		long start = System.currentTimeMillis();
		if (database == null || !database.matches("[a-z0-9][a-z0-9-]{0,19}")) {
			throw ImisRuleException.businessRule(MigrationViolation.DATABASE_NAME, String.valueOf(database));
		}
		Run run = new Run(export, new MappingContext(database, currency, new LoadedRecords(), store.insurer()), locale);
		run.load();
		ImportReport report = new ImportReport(database, run.reports(), run.reconcile(), System.currentTimeMillis() - start);
		LOG.info("openIMIS import of database {}: {} rows in {} ms, reconciliation {}", database, report.rows(), report.millis(),
				report.reconciled() ? "equal" : "different");
		return report;
	}

	/** One import: its reports and the resources written or found for each row. */
	private final class Run {
		private final LegacyExport export;
		private final MappingContext context;
		private final Locale locale;
		private final Map<LegacyTable, TableReport> reports = new EnumMap<>(LegacyTable.class);

		Run(LegacyExport export, MappingContext context, Locale locale) {
			this.export = export;
			this.context = context;
			this.locale = locale;
			for (LegacyTable table : LegacyTable.values()) {
				if (export.has(table)) {
					TableReport report = new TableReport(table);
					report.read(export.rowsRead(table), export.historyRows(table));
					export.rejected(table).forEach(r -> report.refuse(r.row(), r.refusal().violation().code(), r.refusal().text(locale)));
					reports.put(table, report);
				}
			}
		}

		void load() {
			export.rows(LOCATIONS).stream().sorted(Comparator.comparingInt(RegistryRows::levelRank))
					.forEach(row -> write(List.of(row), () -> RegistryRows.location(row, context)));
			export.rows(HEALTH_FACILITIES).forEach(row -> write(List.of(row), () -> RegistryRows.facility(row, context)));
			export.rows(ITEMS).forEach(row -> write(List.of(row), () -> RegistryRows.item(row, context)));
			export.rows(SERVICES).forEach(row -> write(List.of(row), () -> RegistryRows.service(row, context)));
			withDetails(SERVICE_PRICE_LISTS, SERVICE_PRICE_LIST_DETAILS, "PLServiceID",
					(row, details) -> RegistryRows.priceList(row, details, context));
			withDetails(ITEM_PRICE_LISTS, ITEM_PRICE_LIST_DETAILS, "PLItemID",
					(row, details) -> RegistryRows.priceList(row, details, context));
			Map<String, List<LegacyRow>> productServices = byParent(PRODUCT_SERVICES, "ProdID", PRODUCTS);
			Map<String, List<LegacyRow>> productItems = byParent(PRODUCT_ITEMS, "ProdID", PRODUCTS);
			for (LegacyRow row : export.rows(PRODUCTS)) {
				List<LegacyRow> services = productServices.getOrDefault(row.id(), List.of());
				List<LegacyRow> items = productItems.getOrDefault(row.id(), List.of());
				write(concat(row, services, items), () -> ProductRows.product(row, services, items, context));
			}
			withDetails(FAMILIES, INSUREES, "FamilyID", (row, insurees) -> EnrolmentRows.family(row, insurees, context));
			export.rows(POLICIES).forEach(row -> write(List.of(row), () -> EnrolmentRows.policy(row, context)));
			export.rows(PREMIUMS).forEach(row -> write(List.of(row), () -> EnrolmentRows.premium(row, context)));
			Map<String, String> diagnoses = new HashMap<>();
			for (LegacyRow row : export.rows(DIAGNOSES)) {
				if (row.has("ICDCode")) {
					diagnoses.put(row.id(), row.text("ICDCode"));
				} else {
					refuse(row, RowRefusal.missing(row, "ICDCode"));
				}
			}
			Map<String, List<LegacyRow>> claimServices = byParent(CLAIM_SERVICES, "ClaimID", CLAIMS);
			Map<String, List<LegacyRow>> claimItems = byParent(CLAIM_ITEMS, "ClaimID", CLAIMS);
			for (LegacyRow row : export.rows(CLAIMS)) {
				List<LegacyRow> services = claimServices.getOrDefault(row.id(), List.of());
				List<LegacyRow> items = claimItems.getOrDefault(row.id(), List.of());
				write(concat(row, services, items), () -> ClaimRows.claim(row, services, items, diagnoses, context));
			}
		}

		private void withDetails(LegacyTable table, LegacyTable detailTable, String parentColumn,
				java.util.function.BiFunction<LegacyRow, List<LegacyRow>, LegacyRecord> mapper) {
			Map<String, List<LegacyRow>> details = byParent(detailTable, parentColumn, table);
			for (LegacyRow row : export.rows(table)) {
				List<LegacyRow> own = details.getOrDefault(row.id(), List.of());
				write(concat(row, own, List.of()), () -> mapper.apply(row, own));
			}
		}

		/** Current detail rows by their parent's id; those whose parent is not a current row are refused here. */
		private Map<String, List<LegacyRow>> byParent(LegacyTable detailTable, String parentColumn, LegacyTable parentTable) {
			Set<String> parents = export.rows(parentTable).stream().map(LegacyRow::id).collect(Collectors.toSet());
			Map<String, List<LegacyRow>> byParent = new LinkedHashMap<>();
			for (LegacyRow row : export.rows(detailTable)) {
				if (!parents.contains(row.text(parentColumn))) {
					refuse(row, row.has(parentColumn) ? RowRefusal.unknown(row, parentColumn, parentTable) : RowRefusal.missing(row, parentColumn));
				} else {
					byParent.computeIfAbsent(row.text(parentColumn), p -> new ArrayList<>()).add(row);
				}
			}
			return byParent;
		}

		/** Maps and writes one record; on refusal every row of it is refused with the reason. */
		private void write(List<LegacyRow> rows, Supplier<LegacyRecord> mapping) {
			LegacyRecord record;
			try {
				record = mapping.get();
			} catch (RowRefusal refusal) {
				refuseAll(rows, refusal.violation().code(), refusal.text(locale));
				return;
			}
			Map<LegacyRecord.Part, RowOutcome> outcomes = new LinkedHashMap<>();
			List<DomainResource> changed = new ArrayList<>();
			for (LegacyRecord.Part part : record.parts()) {
				DomainResource existing = store.read(part.resource().fhirType(), part.resource().getIdElement().getIdPart());
				RowOutcome outcome = existing == null ? RowOutcome.CREATED
						: MigrationStore.sameContent(existing, part.resource()) ? RowOutcome.UNCHANGED : RowOutcome.UPDATED;
				outcomes.put(part, outcome);
				if (outcome != RowOutcome.UNCHANGED) {
					changed.add(part.resource());
				}
			}
			if (!changed.isEmpty()) {
				try {
					store.writeTogether(changed);
				} catch (BaseServerResponseException e) {
					LegacyRow main = record.main();
					refuseAll(record.rows(), MigrationViolation.RECORD_REFUSED.code(), Messages.text(
							MigrationViolation.RECORD_REFUSED.messageKey(), locale, main.line(), main.table().tableName(), reason(e)));
					return;
				}
			}
			for (LegacyRecord.Part part : record.parts()) {
				context.loaded().put(part.table(), part.legacyId(),
						part.resource().fhirType() + "/" + part.resource().getIdElement().getIdPart(), part.facts());
			}
			LegacyRecord.Part main = record.parts().get(0);
			for (LegacyRow row : record.rows()) {
				RowOutcome outcome = null;
				for (LegacyRecord.Part part : record.parts()) {
					if (part.table() == row.table() && part.legacyId().equals(row.id())) {
						outcome = outcome == null ? outcomes.get(part) : RowOutcome.strongest(outcome, outcomes.get(part));
					}
				}
				reports.get(row.table()).count(outcome != null ? outcome : outcomes.get(main));
			}
		}

		private void refuseAll(List<LegacyRow> rows, String code, String reason) {
			LegacyRow main = rows.get(0);
			for (LegacyRow row : rows) {
				if (row == main) {
					reports.get(row.table()).refuse(row, code, reason);
				} else {
					reports.get(row.table()).refuse(row, MigrationViolation.WITH_RECORD.code(), Messages.text(
							MigrationViolation.WITH_RECORD.messageKey(), locale, row.line(), row.table().tableName(),
							main.table().tableName(), main.line(), reason));
				}
			}
		}

		private void refuse(LegacyRow row, RowRefusal refusal) {
			reports.get(row.table()).refuse(row, refusal.violation().code(), refusal.text(locale));
		}

		private String reason(BaseServerResponseException e) {
			if (e instanceof ImisRuleException rule && rule.getViolation() != null) {
				return rule.getViolation().code() + ": " + Messages.text(rule.getViolation().messageKey(), locale, rule.getArguments());
			}
			return e.getMessage();
		}

		List<TableReport> reports() {
			return List.copyOf(reports.values());
		}

		List<Reconciliation.Figure> reconcile() {
			List<Reconciliation.Figure> figures = new ArrayList<>();
			for (LegacyTable table : reports.keySet()) {
				if (table == DIAGNOSES) {
					continue;
				}
				List<DomainResource> resources = new ArrayList<>();
				LegacyTable holder = recordTable(table);
				for (LegacyRow row : export.rows(holder)) {
					String id = context.resourceId(holder, row.id());
					for (String type : RESOURCE_TYPES.get(holder)) {
						DomainResource found = store.read(type, "ClaimResponse".equals(type) ? ClaimRows.responseId(context, row.id()) : id);
						if (found != null) {
							resources.add(found);
						}
					}
				}
				figures.addAll(Reconciliation.compare(table, Reconciliation.sourceFigures(table, export.rows(table)),
						Reconciliation.loadedFigures(table, resources)));
			}
			return figures;
		}
	}

	/** The resource types a row of each record table becomes. */
	private static final Map<LegacyTable, List<String>> RESOURCE_TYPES = new EnumMap<>(Map.ofEntries(
			Map.entry(LOCATIONS, List.of("Location")), Map.entry(HEALTH_FACILITIES, List.of("Organization")),
			Map.entry(ITEMS, List.of("Medication")), Map.entry(SERVICES, List.of("ActivityDefinition")),
			Map.entry(SERVICE_PRICE_LISTS, List.of("ChargeItemDefinition")), Map.entry(ITEM_PRICE_LISTS, List.of("ChargeItemDefinition")),
			Map.entry(PRODUCTS, List.of("InsurancePlan")), Map.entry(FAMILIES, List.of("Group")), Map.entry(INSUREES, List.of("Patient")),
			Map.entry(POLICIES, List.of("Coverage")), Map.entry(PREMIUMS, List.of("PaymentNotice")),
			Map.entry(CLAIMS, List.of("Claim", "ClaimResponse"))));

	/** The table whose resources hold a table's rows (details live in their record's resource). */
	static LegacyTable recordTable(LegacyTable table) {
		return switch (table) {
			case SERVICE_PRICE_LIST_DETAILS -> SERVICE_PRICE_LISTS;
			case ITEM_PRICE_LIST_DETAILS -> ITEM_PRICE_LISTS;
			case PRODUCT_ITEMS, PRODUCT_SERVICES -> PRODUCTS;
			case CLAIM_ITEMS, CLAIM_SERVICES -> CLAIMS;
			default -> table;
		};
	}

	private static List<LegacyRow> concat(LegacyRow main, List<LegacyRow> first, List<LegacyRow> second) {
		List<LegacyRow> rows = new ArrayList<>();
		rows.add(main);
		rows.addAll(first);
		rows.addAll(second);
		return rows;
	}
}
