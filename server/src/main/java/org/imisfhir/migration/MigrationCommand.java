package org.imisfhir.migration;

import java.nio.file.Path;
import java.util.Locale;
import org.imisfhir.migration.rules.ImportReport;
import org.imisfhir.migration.rules.LegacyExport;
import org.imisfhir.migration.rules.Reconciliation;
import org.imisfhir.migration.rules.TableReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The migration as a command: started with {@code --imis.migration.source=<directory>}, the server imports the
 * export once it is up, logs the report and the reconciliation, and exits: 0 when every figure reconciles, 2
 * when some differ, 1 when the export cannot be read.
 */
@Component
@ConditionalOnExpression("!'${imis.migration.source:}'.isBlank()")
public class MigrationCommand implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(MigrationCommand.class);

	private final LegacyImporter importer;
	private final MigrationProperties properties;
	private final ConfigurableApplicationContext context;

	public MigrationCommand(LegacyImporter importer, MigrationProperties properties, ConfigurableApplicationContext context) {
		this.importer = importer;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status;
		try {
			LOG.info("openIMIS import of {} (database {})", properties.getSource(), properties.getDatabase());
			ImportReport report = importer.importExport(
					LegacyExport.read(ExportDirectory.read(Path.of(properties.getSource()))), properties.getDatabase(), Locale.ENGLISH);
			LOG.info("\n{}", text(report));
			status = report.reconciled() ? 0 : 2;
		} catch (RuntimeException e) {
			LOG.error("openIMIS import of {} failed: {}", properties.getSource(), e.getMessage());
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	/** The report as an operator reads it: one line per table, the refused rows, the reconciliation. */
	static String text(ImportReport report) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%-22s %6s %7s %7s %7s %9s %7s%n", "table", "read", "history", "created", "updated", "unchanged", "refused"));
		for (TableReport table : report.tables()) {
			out.append(String.format("%-22s %6d %7d %7d %7d %9d %7d%n", table.table().tableName(), table.read(), table.history(),
					table.created(), table.updated(), table.unchanged(), table.refused().size()));
		}
		for (TableReport table : report.tables()) {
			for (TableReport.RefusedRow row : table.refused()) {
				out.append(String.format("refused %s line %d (id %s) %s: %s%n", table.table().tableName(), row.line(), row.legacyId(),
						row.code(), row.reason()));
			}
		}
		out.append(String.format("%-22s %-12s %18s %18s %s%n", "reconciliation", "measure", "source", "loaded", "result"));
		for (Reconciliation.Figure figure : report.reconciliation()) {
			out.append(String.format("%-22s %-12s %18s %18s %s%n", figure.table().tableName(), figure.measure(),
					figure.source().toPlainString(), figure.loaded().toPlainString(), figure.equal() ? "equal" : "different"));
		}
		out.append(String.format("%d rows in %d ms%n", report.rows(), report.millis()));
		return out.toString();
	}
}
