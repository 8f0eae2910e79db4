package org.imisfhir.migration;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.migration.rules.ImportReport;
import org.imisfhir.migration.rules.LegacyExport;
import org.imisfhir.migration.rules.MigrationViolation;
import org.imisfhir.migration.rules.Reconciliation;
import org.imisfhir.migration.rules.RowRefusal;
import org.imisfhir.migration.rules.TableReport;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$import-openimis}: loads an openIMIS database export, given as one {@code table} attachment
 * per CSV extract (title = the openIMIS table name) or as a server-side {@code directory} under
 * {@code imis.migration.allowed-directory}. Answers the per-table report and the reconciliation. See
 * OperationDefinition import-openimis and docs/integration/legacy-migration.md.
 */
@Component
public class OpenImisImportProvider implements ImisOperationProvider {

	private final LegacyImporter importer;
	private final MigrationProperties properties;

	public OpenImisImportProvider(LegacyImporter importer, MigrationProperties properties) {
		this.importer = importer;
		this.properties = properties;
	}

	@Operation(name = "$import-openimis", idempotent = false)
	public Parameters importOpenImis(
			@OperationParam(name = "table", min = 0, max = OperationParam.MAX_UNLIMITED) List<Attachment> tables,
			@OperationParam(name = "directory", min = 0, max = 1) StringType directory,
			@OperationParam(name = "database", min = 0, max = 1) StringType database,
			@OperationParam(name = "report", min = 0, max = 1) CodeType report,
			RequestDetails request) {
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		Map<String, String> csv = new LinkedHashMap<>();
		if (directory != null && directory.hasValue()) {
			csv.putAll(ExportDirectory.read(ExportDirectory.allowed(directory.getValue(), properties.getAllowedDirectory())));
		}
		for (Attachment table : tables == null ? List.<Attachment>of() : tables) {
			if (!table.hasTitle() || !table.hasData()) {
				throw ImisRuleException.businessRule(MigrationViolation.EXPORT_FORMAT,
						"each table is an attachment with the table name as title and the CSV as data");
			}
			csv.put(table.getTitle(), new String(table.getData(), StandardCharsets.UTF_8));
		}
		if (csv.isEmpty()) {
			throw ImisRuleException.businessRule(MigrationViolation.NO_TABLE, "table or directory");
		}
		LegacyExport export;
		try {
			export = LegacyExport.read(csv);
		} catch (RowRefusal unreadable) {
			throw ImisRuleException.businessRule(unreadable.violation(), unreadable.arguments().toArray());
		}
		String name = database != null && database.hasValue() ? database.getValue() : properties.getDatabase();
		ImportReport result = importer.importExport(export, name, locale);
		return answer(result, report != null && "refused".equals(report.getValue()));
	}

	static Parameters answer(ImportReport report, boolean refusedOnly) {
		Parameters out = new Parameters();
		out.addParameter("database", new StringType(report.database()));
		out.addParameter("rows", new IntegerType(report.rows()));
		out.addParameter("milliseconds", new IntegerType((int) Math.min(Integer.MAX_VALUE, report.millis())));
		out.addParameter("reconciled", new BooleanType(report.reconciled()));
		for (TableReport table : report.tables()) {
			Parameters.ParametersParameterComponent part = out.addParameter().setName("table");
			part.addPart().setName("name").setValue(new StringType(table.table().tableName()));
			part.addPart().setName("read").setValue(new IntegerType(table.read()));
			part.addPart().setName("history").setValue(new IntegerType(table.history()));
			part.addPart().setName("created").setValue(new IntegerType(table.created()));
			part.addPart().setName("updated").setValue(new IntegerType(table.updated()));
			part.addPart().setName("unchanged").setValue(new IntegerType(table.unchanged()));
			part.addPart().setName("refused").setValue(new IntegerType(table.refused().size()));
			for (TableReport.RefusedRow row : table.refused()) {
				Parameters.ParametersParameterComponent refused = part.addPart().setName("refusedRow");
				refused.addPart().setName("line").setValue(new IntegerType(row.line()));
				refused.addPart().setName("id").setValue(new StringType(row.legacyId()));
				refused.addPart().setName("code").setValue(new CodeType(row.code()));
				refused.addPart().setName("reason").setValue(new StringType(row.reason()));
			}
		}
		for (Reconciliation.Figure figure : report.reconciliation()) {
			if (refusedOnly && figure.equal()) {
				continue;
			}
			Parameters.ParametersParameterComponent part = out.addParameter().setName("reconciliation");
			part.addPart().setName("table").setValue(new StringType(figure.table().tableName()));
			part.addPart().setName("measure").setValue(new StringType(figure.measure()));
			part.addPart().setName("source").setValue(new DecimalType(figure.source()));
			part.addPart().setName("loaded").setValue(new DecimalType(figure.loaded()));
			part.addPart().setName("result").setValue(new CodeType(figure.equal() ? "equal" : "different"));
		}
		return out;
	}
}
