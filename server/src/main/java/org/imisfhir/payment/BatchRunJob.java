package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.api.IJobPersistence;
import ca.uhn.fhir.batch2.channel.BatchJobSender;
import ca.uhn.fhir.batch2.model.JobDefinition;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.payment.rules.BatchPeriod;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.payment.rules.RelativeIndex;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The batch run as a HAPI Batch2 job ({@value BatchRuns#JOB_ID}), so that its state lives in the database and a
 * restarted or second node picks it up:
 * <ol>
 * <li><b>indexes</b>: reads the processed claims of the location's products and their contributions, computes the
 * relative indexes that close this month and splits the claims to pay into chunks carrying those indexes;</li>
 * <li><b>remunerate</b>, per chunk, in one transaction: each claim's lines are paid, the claim becomes valuated
 * (16) with a reference to the run, its ClaimResponse gets the valuated and remunerated amounts; a chunk run
 * again skips the claims it already paid, so a retry never pays twice;</li>
 * <li><b>statements</b> (the final reduction): per facility one PaymentReconciliation with the totals, the
 * capitation payments, and the Task completed, all in one transaction.</li>
 * </ol>
 * A run that fails is ended and what it paid is taken back (claims processed again, no statement). A run whose node
 * stopped is resumed by another ({@link BatchRunRecovery}).
 */
@Configuration
@EnableConfigurationProperties(PaymentProperties.class)
public class BatchRunJob {

	private static final Logger LOG = LoggerFactory.getLogger(BatchRunJob.class);

	@Bean
	public JobDefinition<BatchRunJson.Parameters> imisBatchRunJobDefinition(
			IndexStep indexStep, RemunerateStep remunerateStep, StatementStep statementStep, BatchRuns runs) {
		return JobDefinition.newBuilder()
				.setJobDefinitionId(BatchRuns.JOB_ID)
				.setJobDescription("IMIS monthly batch run: relative indexes, remuneration, payment statements")
				.setJobDefinitionVersion(1)
				.setParametersType(BatchRunJson.Parameters.class)
				.gatedExecution()
				.addFirstStep("indexes", "Compute the relative indexes and chunk the claims to pay", BatchRunJson.ClaimChunk.class, indexStep)
				.addIntermediateStep("remunerate", "Remunerate a chunk of claims", BatchRunJson.Remunerated.class, remunerateStep)
				.addFinalReducerStep("statements", "Write the payment statements", BatchRunJson.Summary.class, statementStep)
				.errorHandler(details -> {
					// called inside the job framework's maintenance transaction: take back on a thread of our own
					String taskId = details.getParameters().taskId;
					String error = details.getInstance().getErrorMessage();
					LOG.warn("Batch run Task/{} failed: {}; taking back what it paid", taskId, error);
					CompletableFuture.runAsync(() -> runs.failed(taskId, error));
				})
				.build();
	}

	@Bean
	public IndexStep imisBatchRunIndexStep(BatchRunStore store, BatchRuns runs) {
		return new IndexStep(store, runs);
	}

	@Bean
	public RemunerateStep imisBatchRunRemunerateStep(BatchRunStore store, BatchRuns runs, ImisProperties properties) {
		return new RemunerateStep(store, runs, properties.getRegistry().getCurrency());
	}

	@Bean
	public StatementStep imisBatchRunStatementStep(BatchRunStore store, BatchRuns runs, DaoRegistry daos, ImisProperties properties) {
		return new StatementStep(store, runs, daos, properties.getRegistry().getCurrency());
	}

	@Bean
	public BatchRunRecovery imisBatchRunRecovery(IJobPersistence persistence, BatchJobSender sender, IHapiTransactionService transactions,
			BatchRuns runs, PaymentProperties properties) {
		return new BatchRunRecovery(persistence, sender, transactions, runs, properties);
	}

	@Bean
	public BatchRunPacer imisBatchRunPacer(IJobCoordinator coordinator, IJobMaintenanceService maintenance, JpaStorageSettings storage,
			BatchRunRecovery recovery) {
		// without fast tracking HAPI ignores requests for a maintenance pass and keeps to its one-a-minute schedule
		storage.setJobFastTrackingEnabled(true);
		return new BatchRunPacer(coordinator, maintenance, recovery);
	}

	static BatchPeriod period(BatchRunJson.Parameters parameters) {
		return new BatchPeriod(parameters.year, parameters.month);
	}

	/** Rebuilds a product's indexes from a chunk's JSON. */
	static Map<String, RelativeIndexes> indexes(BatchRunJson.ClaimChunk chunk, BatchPeriod period) {
		Map<String, RelativeIndexes> indexes = new HashMap<>();
		chunk.relativeSides.forEach((product, sides) -> {
			Map<CareType, PeriodType> sideTypes = new EnumMap<>(CareType.class);
			List<RelativeIndex> computed = new ArrayList<>();
			for (String side : sides) {
				String[] parts = side.split(":");
				CareType careType = careType(parts[0]);
				PeriodType type = PeriodType.valueOf(parts[1]);
				sideTypes.put(careType, type);
				BigDecimal value = chunk.indexes.getOrDefault(product, Map.of()).get(parts[0]);
				if (value != null) {
					period.periodOf(type).ifPresent(p -> computed.add(new RelativeIndex(careType, p, value)));
				}
			}
			indexes.put(product, new RelativeIndexes(sideTypes, computed));
		});
		return indexes;
	}

	static CareType careType(String code) {
		for (CareType type : CareType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		throw new IllegalArgumentException(code);
	}

}
