package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobDataSink;
import ca.uhn.fhir.batch2.api.IJobStepWorker;
import ca.uhn.fhir.batch2.api.JobExecutionFailedException;
import ca.uhn.fhir.batch2.api.RunOutcome;
import ca.uhn.fhir.batch2.api.StepExecutionDetails;
import com.google.common.util.concurrent.Striped;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

/** Step 2: one chunk of claims remunerated in one transaction. */
public class RemunerateStep implements IJobStepWorker<BatchRunJson.Parameters, BatchRunJson.ClaimChunk, BatchRunJson.Remunerated> {

	private static final Logger LOG = LoggerFactory.getLogger(RemunerateStep.class);
	private final BatchRunStore store;
	private final BatchRuns runs;
	private final String currency;
	private volatile Consumer<List<String>> beforeWrite = claims -> { };
	private final Striped<Lock> taskWrites = Striped.lock(16);

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
		Map<String, RelativeIndexes> indexes = BatchRunJob.indexes(details.getData(), BatchRunJob.period(parameters));
		BatchRunJson.Remunerated out = new BatchRunJson.Remunerated();
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		int newlyPaid = 0;
		List<String> claimIds = details.getData().claims;
		Map<String, Claim> claims = store.claims(claimIds);
		Map<String, ClaimResponse> responses = store.responses(claimIds);
		for (String claimId : claimIds) {
			Claim claim = claims.get(claimId);
			ClaimResponse response = responses.get(claimId);
			if (claim == null || response == null) {
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
			// The chunks of a run on this node write one at a time: they all change the Task, so chunks committing
			// side by side would all but one fail on its version and redo their whole work.
			Lock lock = taskWrites.get(taskId);
			lock.lock();
			try {
				Task current = runs.read(taskId);
				if (BatchRuns.stopped(current)) {
					throw new JobExecutionFailedException("batch run Task/" + taskId + " is " + current.getStatus().toCode());
				}
				String done = BatchRuns.output(current, "claims-done");
				BatchRuns.setOutput(current, "claims-done", new IntegerType((done == null ? 0 : Integer.parseInt(done)) + newlyPaid));
				BatchRuns.put(transaction, current, "Task/" + taskId, current.getIdElement().getVersionIdPart());
				store.rewrite(transaction);
			} finally {
				lock.unlock();
			}
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
