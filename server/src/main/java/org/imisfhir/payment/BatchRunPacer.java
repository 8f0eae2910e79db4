package org.imisfhir.payment;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.model.StatusEnum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Keeps a run under way moving: asks the job framework for a maintenance pass while one of our runs is not ended. */
public class BatchRunPacer {

	private static final Logger LOG = LoggerFactory.getLogger(BatchRunPacer.class);
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
