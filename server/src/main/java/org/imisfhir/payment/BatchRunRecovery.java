package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobPersistence;
import ca.uhn.fhir.batch2.channel.BatchJobSender;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.JobWorkNotification;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.batch2.model.WorkChunk;
import ca.uhn.fhir.batch2.model.WorkChunkStatusEnum;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Resumes a batch run whose node stopped midway (decision 0021, "Restart and several nodes").
 *
 * <p>Batch2 keeps a job's state in the database, but hands its chunks to workers through an in-memory queue of the
 * node that queued them, and runs the final step on one node: when that node dies, the chunks it had queued or was
 * running (or the statements step it was running) are never taken up again. The run would stay in progress for ever,
 * its first chunks paid, its month held. So a run whose Task, job and chunks have not changed for
 * {@code imis.payment.stall-seconds} is taken as stalled, and the node that first notices (the one whose write of the
 * Task wins) hands its unfinished chunks to its own workers again, or restarts the statements step.
 *
 * <p>This is safe even when the first node was only slow: a chunk run twice pays no claim twice (the second run finds
 * its claims valuated by this run and writes nothing, see {@link RemunerateStep}), and the statements step writes
 * nothing once the run is completed ({@link StatementStep}).
 */
public class BatchRunRecovery {

	private static final Logger LOG = LoggerFactory.getLogger(BatchRunRecovery.class);

	/**
	 * A node running the statements step refreshes its job's update time once a minute (HAPI's reducer heartbeat), so
	 * the step is taken as stopped only after at least this long without it, whatever the stall setting.
	 */
	static final Duration STATEMENTS_STALL_MINIMUM = Duration.ofMinutes(3);

	private static final Set<StatusEnum> RESUMABLE =
			EnumSet.of(StatusEnum.QUEUED, StatusEnum.IN_PROGRESS, StatusEnum.ERRORED, StatusEnum.FINALIZE);
	private static final Set<WorkChunkStatusEnum> UNFINISHED =
			EnumSet.of(WorkChunkStatusEnum.QUEUED, WorkChunkStatusEnum.IN_PROGRESS, WorkChunkStatusEnum.ERRORED);

	private final IJobPersistence persistence;
	private final BatchJobSender sender;
	private final IHapiTransactionService transactions;
	private final BatchRuns runs;
	private final PaymentProperties properties;

	BatchRunRecovery(IJobPersistence persistence, BatchJobSender sender, IHapiTransactionService transactions, BatchRuns runs,
			PaymentProperties properties) {
		this.persistence = persistence;
		this.sender = sender;
		this.transactions = transactions;
		this.properties = properties;
		this.runs = runs;
	}

	/** Resumes the run of this job instance when it has stalled; true when this node resumed it. */
	public boolean resumeIfStalled(JobInstance instance, Instant now) {
		if (!RESUMABLE.contains(instance.getStatus())) {
			return false;
		}
		String taskId = instance.getParameters(BatchRunJson.Parameters.class).taskId;
		Task task;
		try {
			task = runs.read(taskId);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
		if (BatchRuns.stopped(task)) {
			return false;   // being taken back, or cancelled: nothing to resume
		}
		boolean statements = instance.getStatus() == StatusEnum.FINALIZE;
		Duration stall = Duration.ofSeconds(properties.getStallSeconds());
		if (statements && stall.compareTo(STATEMENTS_STALL_MINIMUM) < 0) {
			stall = STATEMENTS_STALL_MINIMUM;
		}
		Instant cutoff = now.minus(stall);
		if (since(task.getMeta().getLastUpdated(), cutoff) || since(instance.getUpdateTime(), cutoff)
				|| since(instance.getStartTime(), cutoff)) {
			return false;
		}
		List<WorkChunk> unfinished = new ArrayList<>();
		for (Iterator<WorkChunk> chunks = persistence.fetchAllWorkChunksIterator(instance.getInstanceId(), false); chunks.hasNext(); ) {
			WorkChunk chunk = chunks.next();
			if (since(chunk.getCreateTime(), cutoff) || since(chunk.getStartTime(), cutoff) || since(chunk.getEndTime(), cutoff)) {
				return false;   // a chunk moved lately: some node is working on the run
			}
			if (UNFINISHED.contains(chunk.getStatus())) {
				unfinished.add(chunk);
			}
		}
		if (!statements && unfinished.isEmpty()) {
			return false;   // nothing was lost: the run waits for a maintenance pass
		}
		String what = statements ? "the statements step" : unfinished.size() + " unfinished chunk(s)";
		if (!runs.markResumed(task, "Resumed after " + stall.toSeconds() + " s without progress: " + what + " started again")) {
			return false;   // another node resumed it first, or the run moved meanwhile
		}
		if (statements) {
			transactions.withSystemRequestOnDefaultPartition().execute(() -> persistence.markInstanceAsStatusWhenStatusIn(
					instance.getInstanceId(), StatusEnum.IN_PROGRESS, EnumSet.of(StatusEnum.FINALIZE)));
		} else {
			for (WorkChunk chunk : unfinished) {
				sender.sendWorkChannelMessage(new JobWorkNotification(instance.getJobDefinitionId(), instance.getJobDefinitionVersion(),
						instance.getInstanceId(), chunk.getTargetStepId(), chunk.getId()));
			}
		}
		LOG.warn("Batch run Task/{} (job {}) stalled for {} s, its node presumably stopped: {} started again on this node",
				taskId, instance.getInstanceId(), stall.toSeconds(), what);
		return true;
	}

	private static boolean since(Date time, Instant cutoff) {
		return time != null && time.toInstant().isAfter(cutoff);
	}
}
