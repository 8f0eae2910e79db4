package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IFirstJobStepWorker;
import ca.uhn.fhir.batch2.api.IJobDataSink;
import ca.uhn.fhir.batch2.api.RunOutcome;
import ca.uhn.fhir.batch2.api.StepExecutionDetails;
import ca.uhn.fhir.batch2.api.VoidModel;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.payment.rules.BatchClaim;
import org.imisfhir.payment.rules.BatchPeriod;
import org.imisfhir.payment.rules.PolicyContribution;
import org.imisfhir.payment.rules.RelativeIndexCalculator;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 1: indexes and chunks. */
public class IndexStep implements IFirstJobStepWorker<BatchRunJson.Parameters, BatchRunJson.ClaimChunk> {

	private static final Logger LOG = LoggerFactory.getLogger(IndexStep.class);
	private final BatchRunStore store;
	private final BatchRuns runs;

	IndexStep(BatchRunStore store, BatchRuns runs) {
		this.store = store;
		this.runs = runs;
	}

	@Override
	public RunOutcome run(StepExecutionDetails<BatchRunJson.Parameters, VoidModel> details, IJobDataSink<BatchRunJson.ClaimChunk> sink) {
		BatchRunJson.Parameters parameters = details.getParameters();
		BatchPeriod period = BatchRunJob.period(parameters);
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
