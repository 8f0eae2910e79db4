package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.ChunkExecutionDetails;
import ca.uhn.fhir.batch2.api.IFirstJobStepWorker;
import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobDataSink;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.api.IJobStepWorker;
import ca.uhn.fhir.batch2.api.IReductionStepWorker;
import ca.uhn.fhir.batch2.api.JobExecutionFailedException;
import ca.uhn.fhir.batch2.api.RunOutcome;
import ca.uhn.fhir.batch2.api.StepExecutionDetails;
import ca.uhn.fhir.batch2.api.VoidModel;
import ca.uhn.fhir.batch2.model.ChunkOutcome;
import ca.uhn.fhir.batch2.model.JobDefinition;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.payment.rules.BatchClaim;
import org.imisfhir.payment.rules.BatchPeriod;
import org.imisfhir.payment.rules.CapitationCalculator;
import org.imisfhir.payment.rules.CapitationLevels;
import org.imisfhir.payment.rules.CapitationPayment;
import org.imisfhir.payment.rules.CapitationTerms;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.ContributionAllocator;
import org.imisfhir.payment.rules.FacilityMeasures;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.payment.rules.PolicyContribution;
import org.imisfhir.payment.rules.RelativeIndex;
import org.imisfhir.payment.rules.RelativeIndexCalculator;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.imisfhir.registry.RegistryProfiles;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
 * A run that fails is ended and what it paid is taken back (claims processed again, no statement).
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
	public BatchRunPacer imisBatchRunPacer(IJobCoordinator coordinator, IJobMaintenanceService maintenance, JpaStorageSettings storage) {
		// without fast tracking HAPI ignores requests for a maintenance pass and keeps to its one-a-minute schedule
		storage.setJobFastTrackingEnabled(true);
		return new BatchRunPacer(coordinator, maintenance);
	}

	/** Keeps a run under way moving: asks the job framework for a maintenance pass while one of our runs is not ended. */
	public static class BatchRunPacer {
		private final IJobCoordinator coordinator;
		private final IJobMaintenanceService maintenance;

		BatchRunPacer(IJobCoordinator coordinator, IJobMaintenanceService maintenance) {
			this.coordinator = coordinator;
			this.maintenance = maintenance;
		}

		@Scheduled(fixedDelayString = "${imis.payment.poll-millis:1000}", initialDelay = 5000)
		public void pace() {
			try {
				if (!coordinator.getJobInstancesByJobDefinitionIdAndStatuses(BatchRuns.JOB_ID, StatusEnum.getNotEndedStatuses(), 1, 0).isEmpty()) {
					maintenance.triggerMaintenancePass();
				}
			} catch (RuntimeException e) {
				LOG.debug("Batch run pacing skipped: {}", e.getMessage());
			}
		}
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

	/** Step 1: indexes and chunks. */
	public static class IndexStep implements IFirstJobStepWorker<BatchRunJson.Parameters, BatchRunJson.ClaimChunk> {
		private final BatchRunStore store;
		private final BatchRuns runs;

		IndexStep(BatchRunStore store, BatchRuns runs) {
			this.store = store;
			this.runs = runs;
		}

		@Override
		public RunOutcome run(StepExecutionDetails<BatchRunJson.Parameters, VoidModel> details, IJobDataSink<BatchRunJson.ClaimChunk> sink) {
			BatchRunJson.Parameters parameters = details.getParameters();
			BatchPeriod period = period(parameters);
			runs.update(parameters.taskId, task -> {
				task.setStatus(Task.TaskStatus.INPROGRESS);
				task.getExecutionPeriod().setStart(new java.util.Date());
			});
			Map<String, ProductDefinition> products = store.products(parameters.location);
			Map<String, List<BatchClaim>> forIndex = new HashMap<>();
			List<ProcessedClaim> inScope = new ArrayList<>();
			LocalDate end = period.monthPeriod().lastDay();
			store.processedClaims(end, claim -> {
				String product = claim.product();
				if (product == null || !products.containsKey(product) || claim.processedAt() == null) {
					return;
				}
				inScope.add(claim);
				var level = BatchRunStore.level(store.facility(claim.facilityId()));
				claim.lines().stream().map(ProcessedClaim.Line::product).filter(products::containsKey).distinct()
						.forEach(code -> forIndex.computeIfAbsent(code, c -> new ArrayList<>()).add(claim.forIndex(code, level)));
			});
			Map<String, List<PolicyContribution>> contributions = store.contributions(products.keySet());
			RelativeIndexCalculator calculator = new RelativeIndexCalculator();
			Map<String, RelativeIndexes> indexes = new LinkedHashMap<>();
			BatchRunJson.ClaimChunk template = new BatchRunJson.ClaimChunk();
			products.forEach((code, product) -> {
				if (!product.relativePricing().isRelative()) {
					return;
				}
				RelativeIndexes computed = calculator.calculate(product.relativePricing(), product.capitationLevelTerms(), period,
						contributions.getOrDefault(code, List.of()), forIndex.getOrDefault(code, List.of()));
				indexes.put(code, computed);
				List<String> sides = new ArrayList<>();
				computed.sides().forEach((side, type) -> sides.add(side.code() + ":" + type.name()));
				template.relativeSides.put(code, sides);
				Map<String, BigDecimal> values = new LinkedHashMap<>();
				computed.computed().forEach(index -> values.put(index.careType().code(), index.value()));
				template.indexes.put(code, values);
			});
			List<String> payable = new ArrayList<>();
			for (ProcessedClaim claim : inScope) {
				if (claim.pay(indexes).isPresent()) {
					payable.add(claim.claimId());
				}
			}
			runs.update(parameters.taskId, task -> {
				BatchRuns.setOutput(task, "claims-total", new IntegerType(payable.size()));
				BatchRuns.setOutput(task, "claims-done", new IntegerType(0));
				task.getOutput().removeIf(o -> o.getType().getCodingFirstRep().getCode().equals("index"));
				template.indexes.forEach((product, values) -> values.forEach((side, value) ->
						BatchRuns.addOutput(task, "index", new StringType(product + " " + side + " " + value.toPlainString()))));
			});
			LOG.info("Batch run Task/{}: {} product(s), {} processed claim(s) in scope, {} to pay now, indexes {}", parameters.taskId,
					products.size(), inScope.size(), payable.size(), template.indexes);
			int size = Math.max(1, parameters.chunkSize);
			for (int from = 0; from < payable.size() || from == 0; from += size) {
				BatchRunJson.ClaimChunk chunk = new BatchRunJson.ClaimChunk();
				chunk.indexes = template.indexes;
				chunk.relativeSides = template.relativeSides;
				chunk.claims = new ArrayList<>(payable.subList(Math.min(from, payable.size()), Math.min(payable.size(), from + size)));
				sink.accept(chunk);
				if (payable.isEmpty()) {
					break;
				}
			}
			return new RunOutcome(payable.size());
		}
	}

	/** Step 2: one chunk of claims remunerated in one transaction. */
	public static class RemunerateStep implements IJobStepWorker<BatchRunJson.Parameters, BatchRunJson.ClaimChunk, BatchRunJson.Remunerated> {
		private final BatchRunStore store;
		private final BatchRuns runs;
		private final String currency;
		private volatile Consumer<List<String>> beforeWrite = claims -> { };

		RemunerateStep(BatchRunStore store, BatchRuns runs, String currency) {
			this.store = store;
			this.runs = runs;
			this.currency = currency;
		}

		/** Called with each chunk's claims just before they are written (a failure here leaves the chunk unwritten). */
		private static final int MAX_CHUNK_ATTEMPTS = 50;

		void beforeWrite(Consumer<List<String>> hook) {
			this.beforeWrite = hook == null ? claims -> { } : hook;
		}

		/**
		 * Writes one chunk in one transaction together with the run's Task (its progress), guarded by the Task's
		 * version: a run that fails or is cancelled changes its Task first, so a chunk in flight at that moment
		 * cannot commit afterwards (its If-Match fails; it re-reads the Task, sees the run stopped and writes
		 * nothing), and the taking back that follows sees every chunk that did commit.
		 */
		@Override
		public RunOutcome run(StepExecutionDetails<BatchRunJson.Parameters, BatchRunJson.ClaimChunk> details,
				IJobDataSink<BatchRunJson.Remunerated> sink) {
			BatchRunJson.Parameters parameters = details.getParameters();
			String taskId = parameters.taskId;
			for (int attempt = 1; ; attempt++) {
				try {
					BatchRunJson.Remunerated out = writeChunk(details, taskId, parameters);
					sink.accept(out);
					return new RunOutcome(out.rows.size());
				} catch (ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException e) {
					if (attempt >= MAX_CHUNK_ATTEMPTS) {
						throw e;
					}
					LOG.debug("Batch run Task/{}: chunk met a concurrent write (attempt {}), trying again", taskId, attempt);
				}
			}
		}

		private BatchRunJson.Remunerated writeChunk(StepExecutionDetails<BatchRunJson.Parameters, BatchRunJson.ClaimChunk> details,
				String taskId, BatchRunJson.Parameters parameters) {
			Task task = runs.read(taskId);
			if (BatchRuns.stopped(task)) {
				throw new JobExecutionFailedException("batch run Task/" + taskId + " is " + task.getStatus().toCode());
			}
			Map<String, RelativeIndexes> indexes = indexes(details.getData(), period(parameters));
			BatchRunJson.Remunerated out = new BatchRunJson.Remunerated();
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			int newlyPaid = 0;
			for (String claimId : details.getData().claims) {
				Claim claim = store.claim(claimId);
				ClaimResponse response = store.response(claimId);
				if (response == null) {
					continue;
				}
				ClaimStatus status = ClaimWorkflow.status(claim);
				boolean alreadyOurs = status == ClaimStatus.VALUATED && taskId.equals(ProcessedClaim.batchRunOf(claim));
				if (status != ClaimStatus.PROCESSED && !alreadyOurs) {
					continue;   // changed since the run began (or paid by another run): not ours to pay
				}
				if (alreadyOurs) {
					// a retried chunk: the claim was paid by an earlier attempt; report it as it stands
					out.rows.add(row(claim, ProcessedClaim.of(claim, response), paidTotal(response), null));
					continue;
				}
				ProcessedClaim processed = ProcessedClaim.of(claim, response);
				var payment = processed.pay(indexes);
				if (payment.isEmpty()) {
					continue;
				}
				ClaimWorkflow.setStatus(claim, ClaimStatus.VALUATED);
				ClaimWorkflow.setBatchRun(claim, new Reference("Task/" + taskId));
				ProcessedClaim.applyTo(response, payment.get(), currency);
				BatchRuns.put(transaction, claim, "Claim/" + claimId, claim.getIdElement().getVersionIdPart());
				BatchRuns.put(transaction, response, "ClaimResponse/" + response.getIdElement().getIdPart(), null);
				out.rows.add(row(claim, processed, payment.get().total(), payment.get().index()));
				newlyPaid++;
			}
			beforeWrite.accept(details.getData().claims);
			if (!transaction.getEntry().isEmpty()) {
				String done = BatchRuns.output(task, "claims-done");
				BatchRuns.setOutput(task, "claims-done", new IntegerType((done == null ? 0 : Integer.parseInt(done)) + newlyPaid));
				BatchRuns.put(transaction, task, "Task/" + taskId, task.getIdElement().getVersionIdPart());
				store.transaction(transaction);
			}
			return out;
		}

		private static BigDecimal paidTotal(ClaimResponse response) {
			return response.getTotal().stream()
					.filter(t -> t.getCategory().getCoding().stream().anyMatch(c -> ProcessedClaim.REMUNERATED.equals(c.getCode())))
					.map(t -> t.getAmount().getValue()).findFirst().orElse(BigDecimal.ZERO);
		}

		private static BatchRunJson.Row row(Claim claim, ProcessedClaim processed, BigDecimal remunerated, BigDecimal index) {
			BatchRunJson.Row row = new BatchRunJson.Row();
			row.claim = processed.claimId();
			row.code = processed.code();
			row.facility = processed.facilityId();
			row.product = processed.product();
			row.careType = processed.careType().code();
			row.claimed = processed.claimed();
			row.approved = processed.approved();
			row.remunerated = remunerated;
			row.index = index;
			return row;
		}
	}

	/** Step 3: statements, capitation, Task completed. */
	public static class StatementStep implements IReductionStepWorker<BatchRunJson.Parameters, BatchRunJson.Remunerated, BatchRunJson.Summary> {
		private final BatchRunStore store;
		private final BatchRuns runs;
		private final DaoRegistry daos;
		private final String currency;
		private final Map<String, BatchRunJson.Row> rows = new LinkedHashMap<>();

		StatementStep(BatchRunStore store, BatchRuns runs, DaoRegistry daos, String currency) {
			this.store = store;
			this.runs = runs;
			this.daos = daos;
			this.currency = currency;
		}

		@Override
		public IReductionStepWorker<BatchRunJson.Parameters, BatchRunJson.Remunerated, BatchRunJson.Summary> newInstance() {
			return new StatementStep(store, runs, daos, currency);
		}

		@Override
		public ChunkOutcome consume(ChunkExecutionDetails<BatchRunJson.Parameters, BatchRunJson.Remunerated> details) {
			for (BatchRunJson.Row row : details.getData().rows) {
				rows.put(row.claim, row);   // a chunk retried reports the same claims: once each
			}
			return ChunkOutcome.SUCCESS();
		}

		@Override
		public RunOutcome run(StepExecutionDetails<BatchRunJson.Parameters, BatchRunJson.Remunerated> details,
				IJobDataSink<BatchRunJson.Summary> sink) {
			BatchRunJson.Parameters parameters = details.getParameters();
			String taskId = parameters.taskId;
			BatchPeriod period = period(parameters);
			Task task = runs.read(taskId);
			if (BatchRuns.stopped(task)) {
				throw new JobExecutionFailedException("batch run Task/" + taskId + " is " + task.getStatus().toCode());
			}
			Map<String, ProductDefinition> products = store.products(parameters.location);
			Map<String, Map<String, BigDecimal>> indexes = new HashMap<>();
			for (String line : outputs(task, "index")) {
				String[] parts = line.split(" ");
				indexes.computeIfAbsent(parts[0], p -> new LinkedHashMap<>()).put(parts[1], new BigDecimal(parts[2]));
			}
			Map<String, List<CapitationPayment>> capitation = capitation(products, period);
			List<PaymentReconciliation> statements = PaymentStatements.build(new PaymentStatements.Inputs(taskId, period,
					rows.values(), capitation, products, indexes, store::facility, currency, insurer()));
			BigDecimal total = BigDecimal.ZERO.setScale(2);
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			for (PaymentReconciliation statement : statements) {
				BatchRuns.put(transaction, statement, "PaymentReconciliation/" + statement.getIdElement().getIdPart(), null);
				total = total.add(statement.getPaymentAmount().getValue());
			}
			task.setStatus(Task.TaskStatus.COMPLETED);
			task.getExecutionPeriod().setEnd(new java.util.Date());
			task.setLastModified(new java.util.Date());
			BatchRuns.setOutput(task, "claims-done", new IntegerType(rows.size()));
			BatchRuns.setOutput(task, "total", new Money().setValue(total).setCurrency(currency));
			task.getOutput().removeIf(o -> "statement".equals(o.getType().getCodingFirstRep().getCode()));
			statements.forEach(s -> BatchRuns.addOutput(task, "statement", new Reference("PaymentReconciliation/" + s.getIdElement().getIdPart())));
			BatchRuns.put(transaction, task, "Task/" + taskId, task.getIdElement().getVersionIdPart());
			store.transaction(transaction);
			BatchRunJson.Summary summary = new BatchRunJson.Summary();
			summary.claims = rows.size();
			summary.statements = statements.size();
			summary.total = total;
			sink.accept(summary);
			LOG.info("Batch run Task/{} completed: {} claim(s), {} statement(s), {} {}", taskId, rows.size(), statements.size(), total, currency);
			return new RunOutcome(rows.size());
		}

		private static List<String> outputs(Task task, String name) {
			return task.getOutput().stream()
					.filter(o -> name.equals(o.getType().getCodingFirstRep().getCode()))
					.map(o -> o.getValue().primitiveValue()).toList();
		}

		/** Capitation per product: allocated money of the month split over the facilities at its capitation levels. */
		private Map<String, List<CapitationPayment>> capitation(Map<String, ProductDefinition> products, BatchPeriod period) {
			Map<String, List<CapitationPayment>> payments = new LinkedHashMap<>();
			List<Organization> facilities = null;
			Map<String, List<PolicyContribution>> contributions = null;
			for (Map.Entry<String, ProductDefinition> entry : products.entrySet()) {
				ProductDefinition product = entry.getValue();
				CapitationLevels levels = product.capitationLevelTerms();
				if (levels.levels().isEmpty() || product.value("share_contribution").signum() == 0) {
					continue;
				}
				CapitationTerms terms;
				try {
					terms = product.capitationTerms();
				} catch (IllegalArgumentException e) {
					LOG.warn("Product {}: capitation terms unusable ({}); no capitation paid", entry.getKey(), e.getMessage());
					continue;
				}
				if (facilities == null) {
					facilities = store.facilities();
					contributions = store.contributions(products.keySet());
				}
				BigDecimal allocated = new ContributionAllocator().allocateAll(contributions.getOrDefault(entry.getKey(), List.of()), period.monthPeriod());
				Map<String, BigDecimal[]> insuredByVillage = new HashMap<>();
				for (BatchRunStore.PolicyCover policy : store.policiesCovering(entry.getKey(), period.monthPeriod().lastDay())) {
					if (policy.family() == null) {
						continue;
					}
					BatchRunStore.FamilyPlace place = store.family(policy.family());
					if (place.village() != null) {
						BigDecimal[] counts = insuredByVillage.computeIfAbsent(place.village(), v -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
						counts[0] = counts[0].add(BigDecimal.valueOf(place.members()));
						counts[1] = counts[1].add(BigDecimal.ONE);
					}
				}
				List<FacilityMeasures> measures = new ArrayList<>();
				for (Organization facility : facilities) {
					var level = BatchRunStore.level(facility);
					if (!levels.covers(level)) {
						continue;
					}
					String id = facility.getIdElement().getIdPart();
					BigDecimal population = BigDecimal.ZERO;
					BigDecimal families = BigDecimal.ZERO;
					BigDecimal insured = BigDecimal.ZERO;
					BigDecimal insuredFamilies = BigDecimal.ZERO;
					for (Map.Entry<String, BigDecimal> village : BatchRunStore.catchment(facility).entrySet()) {
						BigDecimal share = village.getValue().movePointLeft(2);
						BigDecimal[] people = store.population(village.getKey());
						population = population.add(people[0].multiply(share));
						families = families.add(people[1].multiply(share));
						BigDecimal[] counts = insuredByVillage.get(village.getKey());
						if (counts != null) {
							insured = insured.add(counts[0].multiply(share));
							insuredFamilies = insuredFamilies.add(counts[1].multiply(share));
						}
					}
					List<BatchRunJson.Row> visits = rows.values().stream()
							.filter(r -> id.equals(r.facility) && entry.getKey().equals(r.product)).toList();
					BigDecimal adjusted = visits.stream().map(r -> r.approved).reduce(BigDecimal.ZERO, BigDecimal::add);
					measures.add(new FacilityMeasures(id, level, population, families, insured, insuredFamilies,
							BigDecimal.valueOf(visits.size()), adjusted));
				}
				payments.put(entry.getKey(), new CapitationCalculator().distribute(allocated, terms, levels, measures));
			}
			return payments;
		}

		private Reference insurer() {
			SearchParameterMap search = SearchParameterMap.newSynchronous("_profile", new UriParam(RegistryProfiles.INSURANCE_ORGANIZATION));
			List<IBaseResource> found = daos.getResourceDao(Organization.class).search(search, new SystemRequestDetails()).getResources(0, 1);
			return found.isEmpty() ? new Reference().setDisplay("Insurance organisation")
					: new Reference("Organization/" + found.get(0).getIdElement().getIdPart());
		}
	}

}
