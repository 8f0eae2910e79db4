package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.ChunkExecutionDetails;
import ca.uhn.fhir.batch2.api.IJobDataSink;
import ca.uhn.fhir.batch2.api.IReductionStepWorker;
import ca.uhn.fhir.batch2.api.JobExecutionFailedException;
import ca.uhn.fhir.batch2.api.RunOutcome;
import ca.uhn.fhir.batch2.api.StepExecutionDetails;
import ca.uhn.fhir.batch2.model.ChunkOutcome;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.payment.rules.BatchPeriod;
import org.imisfhir.payment.rules.CapitationCalculator;
import org.imisfhir.payment.rules.CapitationLevels;
import org.imisfhir.payment.rules.CapitationPayment;
import org.imisfhir.payment.rules.CapitationTerms;
import org.imisfhir.payment.rules.ContributionAllocator;
import org.imisfhir.payment.rules.FacilityMeasures;
import org.imisfhir.payment.rules.PolicyContribution;
import org.imisfhir.registry.RegistryProfiles;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 3: statements, capitation, Task completed. */
public class StatementStep implements IReductionStepWorker<BatchRunJson.Parameters, BatchRunJson.Remunerated, BatchRunJson.Summary> {

	private static final Logger LOG = LoggerFactory.getLogger(StatementStep.class);
	private final BatchRunStore store;
	private final BatchRuns runs;
	private final DaoRegistry daos;
	private final CapitationPlaces places;
	private final String currency;
	private final Map<String, BatchRunJson.Row> rows = new LinkedHashMap<>();

	StatementStep(BatchRunStore store, BatchRuns runs, DaoRegistry daos, String currency) {
		this.store = store;
		this.runs = runs;
		this.daos = daos;
		this.places = new CapitationPlaces(daos);
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
		BatchPeriod period = BatchRunJob.period(parameters);
		Task task = runs.read(taskId);
		if (BatchRuns.stopped(task)) {
			throw new JobExecutionFailedException("batch run Task/" + taskId + " is " + task.getStatus().toCode());
		}
		if (task.getStatus() == Task.TaskStatus.COMPLETED) {
			// run again after its transaction committed (its node stopped before the job framework recorded it)
			BatchRunJson.Summary summary = new BatchRunJson.Summary();
			summary.claims = rows.size();
			summary.statements = (int) task.getOutput().stream()
					.filter(o -> "statement".equals(o.getType().getCodingFirstRep().getCode())).count();
			summary.total = task.getOutput().stream().filter(o -> "total".equals(o.getType().getCodingFirstRep().getCode()))
					.map(o -> ((Money) o.getValue()).getValue()).findFirst().orElse(BigDecimal.ZERO);
			sink.accept(summary);
			LOG.info("Batch run Task/{} was already completed: its statements stand", taskId);
			return new RunOutcome(rows.size());
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
				CapitationPlaces.FamilyPlace place = places.family(policy.family());
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
					BigDecimal[] people = places.population(village.getKey());
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
