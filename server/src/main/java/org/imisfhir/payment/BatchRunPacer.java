package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.StatusEnum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.List;

/**
 * Keeps runs under way moving: while one of our runs is not ended, asks the job framework for a maintenance pass,
 * and resumes a run whose node stopped ({@link BatchRunRecovery}).
 */
public class BatchRunPacer {

	private static final Logger LOG = LoggerFactory.getLogger(BatchRunPacer.class);
	private static final int MAX_RUNS = 100;
	private final IJobCoordinator coordinator;
	private final IJobMaintenanceService maintenance;
	private final BatchRunRecovery recovery;

	BatchRunPacer(IJobCoordinator coordinator, IJobMaintenanceService maintenance, BatchRunRecovery recovery) {
		this.coordinator = coordinator;
		this.maintenance = maintenance;
		this.recovery = recovery;
	}

	@Scheduled(fixedDelayString = "${imis.payment.poll-millis:1000}", initialDelay = 5000)
	public void pace() {
		List<JobInstance> open;
		try {
			open = coordinator.getJobInstancesByJobDefinitionIdAndStatuses(BatchRuns.JOB_ID, StatusEnum.getNotEndedStatuses(), MAX_RUNS, 0);
			if (!open.isEmpty()) {
				maintenance.triggerMaintenancePass();
			}
		} catch (RuntimeException e) {
			LOG.debug("Batch run pacing skipped: {}", e.getMessage());
			return;
		}
		Instant now = Instant.now();
		for (JobInstance instance : open) {
			try {
				recovery.resumeIfStalled(instance, now);
			} catch (RuntimeException e) {
				LOG.warn("Batch run job {}: could not check whether it stalled: {}", instance.getInstanceId(), e.getMessage());
			}
		}
	}
}
