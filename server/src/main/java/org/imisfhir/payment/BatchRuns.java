package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstanceStartRequest;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.RegistryProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Batch runs as FHIR Tasks: starting one (at most one in force per month and location, guarded by a unique key
 * on the Task), following its progress, cancelling it, and taking back what a cancelled or failed run wrote.
 */
@Component
public class BatchRuns {

	private static final Logger LOG = LoggerFactory.getLogger(BatchRuns.class);

	public static final String TASK_CODE_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/payment-task";
	public static final String KEY_SYSTEM = "https://imis-fhir.org/fhir/sid/batch-run-key";
	public static final String JOB_ID = "imis-batch-run";
	public static final String PROFILE = RegistryProfiles.BASE + "imis-batch-run";

	private final DaoRegistry daos;
	private final BatchRunStore store;
	private final IJobCoordinator coordinator;
	private final PaymentProperties properties;

	public BatchRuns(DaoRegistry daos, BatchRunStore store, IJobCoordinator coordinator, PaymentProperties properties) {
		this.daos = daos;
		this.store = store;
		this.coordinator = coordinator;
		this.properties = properties;
	}

	/** Key of a run in force: "2026-11|national" or "2026-11|loc-r1". */
	public static String key(int year, int month, String locationId) {
		return String.format("%04d-%02d|%s", year, month, locationId == null ? "national" : locationId);
	}

	/** Starts a run for the month and location (null: national products); the Task is returned at once. */
	public Task start(int year, int month, String locationId) {
		if (year < 1900 || year > 9999 || month < 1 || month > 12) {
			throw ImisRuleException.businessRule(PaymentViolation.PERIOD_INVALID, year, month);
		}
		if (LocalDate.of(year, month, 1).isAfter(LocalDate.now())) {
			throw ImisRuleException.businessRule(PaymentViolation.PERIOD_FUTURE, String.format("%04d-%02d", year, month));
		}
		if (locationId != null && !store.locationExists(locationId)) {
			throw ImisRuleException.businessRule(PaymentViolation.LOCATION_INVALID, "Location/" + locationId);
		}
		String key = key(year, month, locationId);
		refuseIfInForce(key, year, month, locationId);
		Task task = new Task();
		task.getMeta().addProfile(PROFILE);
		task.addIdentifier().setSystem(KEY_SYSTEM).setValue(key);
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(TASK_CODE_SYSTEM, "batch-run", "Batch run")));
		task.setDescription(String.format("Batch run %04d-%02d, %s", year, month, locationId == null ? "national" : "Location/" + locationId));
		task.setAuthoredOn(new Date());
		task.setLastModified(new Date());
		task.addInput().setType(concept("year")).setValue(new IntegerType(year));
		task.addInput().setType(concept("month")).setValue(new IntegerType(month));
		if (locationId != null) {
			task.addInput().setType(concept("location")).setValue(new Reference("Location/" + locationId));
		}
		IdType id;
		try {
			id = (IdType) daos.getResourceDao(Task.class).create(task, new SystemRequestDetails()).getId();
		} catch (ResourceVersionConflictException e) {
			// another request (maybe on another node) created the run between our check and our write
			refuseIfInForce(key, year, month, locationId);
			throw e;
		}
		String taskId = id.getIdPart();
		BatchRunJson.Parameters parameters = new BatchRunJson.Parameters(taskId, year, month, locationId, properties.getChunkSize());
		JobInstanceStartRequest request = new JobInstanceStartRequest(JOB_ID, parameters);
		String instance = coordinator.startInstance(new SystemRequestDetails(), request).getInstanceId();
		update(taskId, t -> setOutput(t, "job", new StringType(instance)));
		LOG.info("Batch run {} started as Task/{} (job {})", key, taskId, instance);
		return read(taskId);
	}

	private void refuseIfInForce(String key, int year, int month, String locationId) {
		SearchParameterMap search = SearchParameterMap.newSynchronous("batch-run-key", new TokenParam(KEY_SYSTEM, key));
		List<IBaseResource> found = daos.getResourceDao(Task.class).search(search, new SystemRequestDetails()).getResources(0, 1);
		if (!found.isEmpty()) {
			Task existing = (Task) found.get(0);
			throw ImisRuleException.conflict(PaymentViolation.RUN_EXISTS, String.format("%04d-%02d", year, month),
					locationId == null ? "national" : "Location/" + locationId, existing.getIdElement().getIdPart(),
					existing.getStatus().toCode());
		}
	}

	/** Cancels a run: the job is stopped, the claims go back to processed, the statements are deleted. */
	public Task cancel(String taskId) {
		Task task = batchRun(taskId);
		if (task.getStatus() == Task.TaskStatus.CANCELLED || task.getStatus() == Task.TaskStatus.FAILED) {
			throw ImisRuleException.businessRule(PaymentViolation.RUN_NOT_CANCELLABLE, taskId, task.getStatus().toCode());
		}
		end(taskId, Task.TaskStatus.CANCELLED, "Cancelled");
		String job = output(task, "job");
		if (job != null) {
			try {
				coordinator.cancelInstance(job);
			} catch (RuntimeException e) {
				LOG.warn("Batch run Task/{}: job {} could not be cancelled: {}", taskId, job, e.getMessage());
			}
		}
		rollback(taskId);
		return read(taskId);
	}

	/** A run that no chunk may write to any more: failing, failed or cancelled. */
	static boolean stopped(Task task) {
		return task.getStatus() == Task.TaskStatus.CANCELLED || task.getStatus() == Task.TaskStatus.FAILED
				|| task.getStatus() == Task.TaskStatus.ONHOLD;
	}

	/**
	 * A run whose job failed: stopped first (on hold: a chunk in flight can no longer commit, see the chunk step),
	 * then what it paid taken back, then ended as failed (unless cancelled meanwhile), so that a Task that reads
	 * "failed" has nothing of the run left.
	 */
	public void failed(String taskId, String error) {
		try {
			if (read(taskId).getStatus() == Task.TaskStatus.COMPLETED) {
				// the final transaction committed (statements and Task together): the run is whole, the failure came after
				LOG.warn("Batch run Task/{}: job failed after the run completed ({}); the run stands", taskId, error);
				return;
			}
			update(taskId, task -> {
				if (task.getStatus() != Task.TaskStatus.CANCELLED) {
					task.setStatus(Task.TaskStatus.ONHOLD);
					task.setStatusReason(new CodeableConcept().setText("Failing: taking back what the run paid"));
				}
			});
			rollback(taskId);
			if (read(taskId).getStatus() != Task.TaskStatus.CANCELLED) {
				end(taskId, Task.TaskStatus.FAILED, "Failed: " + error);
			}
		} catch (RuntimeException e) {
			LOG.error("Batch run Task/{}: taking back after failure did not finish ({}); cancel the run to finish it", taskId, e.getMessage(), e);
		}
	}

	/**
	 * Notes on a run's Task that it is being resumed, provided the Task is still the version given: of several nodes
	 * that notice the same stalled run, one wins this write and resumes it (see {@link BatchRunRecovery}).
	 */
	boolean markResumed(Task seen, String reason) {
		Task task = seen.copy();
		task.setStatusReason(new CodeableConcept().setText(reason));
		task.setLastModified(new Date());
		try {
			daos.getResourceDao(Task.class).update(task, new SystemRequestDetails());
			return true;
		} catch (ResourceVersionConflictException | org.springframework.dao.DataIntegrityViolationException
				| jakarta.persistence.PersistenceException e) {
			return false;
		}
	}

	/** Marks a run ended (cancelled or failed): it gives its key up, so the month can be run again. */
	public void end(String taskId, Task.TaskStatus status, String reason) {
		update(taskId, task -> {
			task.setStatus(status);
			task.setStatusReason(new CodeableConcept().setText(reason));
			task.getIdentifier().stream().filter(i -> KEY_SYSTEM.equals(i.getSystem()))
					.forEach(i -> i.setSystem(KEY_SYSTEM + "/ended"));
			task.getExecutionPeriod().setEnd(new Date());
		});
	}

	/** Takes back what a run wrote: its claims become processed again without remuneration, its statements go. */
	public int rollback(String taskId) {
		List<String> claims = store.claimsOfRun(taskId);
		int chunk = properties.getChunkSize();
		for (int from = 0; from < claims.size(); from += chunk) {
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			List<String> ids = claims.subList(from, Math.min(claims.size(), from + chunk));
			Map<String, Claim> stored = store.claims(ids);
			Map<String, ClaimResponse> responses = store.responses(ids);
			for (String claimId : ids) {
				Claim claim = stored.get(claimId);
				if (claim == null || !taskId.equals(ProcessedClaim.batchRunOf(claim))) {
					continue;
				}
				ClaimWorkflow.setStatus(claim, ClaimStatus.PROCESSED);
				ProcessedClaim.clearBatchRun(claim);
				put(transaction, claim, "Claim/" + claimId, claim.getIdElement().getVersionIdPart());
				ClaimResponse response = responses.get(claimId);
				if (response != null) {
					ProcessedClaim.clear(response);
					put(transaction, response, "ClaimResponse/" + response.getIdElement().getIdPart(), null);
				}
			}
			if (!transaction.getEntry().isEmpty()) {
				store.rewrite(transaction);
			}
		}
		for (PaymentReconciliation statement : store.statementsOfRun(taskId)) {
			store.delete(statement.getIdElement().toUnqualifiedVersionless());
		}
		LOG.info("Batch run Task/{}: {} claim(s) back to processed, statements removed", taskId, claims.size());
		return claims.size();
	}

	static void put(Bundle transaction, IBaseResource resource, String url, String ifMatchVersion) {
		Bundle.BundleEntryRequestComponent request = transaction.addEntry().setResource((org.hl7.fhir.r4.model.Resource) resource)
				.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
		if (ifMatchVersion != null) {
			request.setIfMatch("W/\"" + ifMatchVersion + "\"");
		}
	}

	public Task read(String taskId) {
		return daos.getResourceDao(Task.class).read(new IdType("Task", taskId), new SystemRequestDetails());
	}

	/** The Task of a batch run, or a refusal when the Task is something else. */
	public Task batchRun(String taskId) {
		Task task;
		try {
			task = read(taskId);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw ImisRuleException.businessRule(PaymentViolation.NOT_BATCH_RUN, taskId);
		}
		boolean isRun = task.getCode().getCoding().stream()
				.anyMatch(c -> TASK_CODE_SYSTEM.equals(c.getSystem()) && "batch-run".equals(c.getCode()));
		if (!isRun) {
			throw ImisRuleException.businessRule(PaymentViolation.NOT_BATCH_RUN, taskId);
		}
		return task;
	}

	/** Read-modify-write of the Task, retried when another node or chunk wrote it in between. */
	public void update(String taskId, Consumer<Task> change) {
		for (int attempt = 1; ; attempt++) {
			Task task = read(taskId);
			change.accept(task);
			task.setLastModified(new Date());
			try {
				// the id read carries its version: HAPI refuses the update when someone wrote the Task in between
				daos.getResourceDao(Task.class).update(task, new SystemRequestDetails());
				return;
			} catch (ResourceVersionConflictException | org.springframework.dao.DataIntegrityViolationException
					| jakarta.persistence.PersistenceException e) {
				// two chunks reporting progress at once: read again and retry
				if (attempt >= 20) {
					throw e;
				}
			}
		}
	}

	public static void setOutput(Task task, String name, Type value) {
		task.getOutput().removeIf(o -> o.getType().getCoding().stream().anyMatch(c -> name.equals(c.getCode())));
		task.addOutput().setType(concept(name)).setValue(value);
	}

	public static void addOutput(Task task, String name, Type value) {
		task.addOutput().setType(concept(name)).setValue(value);
	}

	public static String output(Task task, String name) {
		return task.getOutput().stream()
				.filter(o -> o.getType().getCoding().stream().anyMatch(c -> name.equals(c.getCode())))
				.map(o -> o.getValue().primitiveValue())
				.findFirst().orElse(null);
	}

	static CodeableConcept concept(String code) {
		return new CodeableConcept(new Coding(TASK_CODE_SYSTEM, code, null));
	}

	public static Map<String, String> statusNames() {
		return Map.of("requested", "requested", "in-progress", "in progress", "completed", "completed", "failed", "failed",
				"cancelled", "cancelled");
	}
}
