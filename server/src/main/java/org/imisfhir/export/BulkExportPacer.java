package org.imisfhir.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.util.Batch2JobDefinitionConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps an export under way moving: asks the job framework for a maintenance pass while an export is not ended,
 * so a small export completes in seconds rather than at HAPI's once-a-minute pass.
 */
public class BulkExportPacer {

	private static final Logger log = LoggerFactory.getLogger(BulkExportPacer.class);

	private final IJobCoordinator coordinator;
	private final IJobMaintenanceService maintenance;

	BulkExportPacer(IJobCoordinator coordinator, IJobMaintenanceService maintenance) {
		this.coordinator = coordinator;
		this.maintenance = maintenance;
	}

	@Scheduled(fixedDelayString = "${imis.bulk-export.poll-millis:1000}", initialDelay = 5000)
	public void pace() {
		try {
			if (!coordinator.getJobInstancesByJobDefinitionIdAndStatuses(
					Batch2JobDefinitionConstants.BULK_EXPORT, StatusEnum.getNotEndedStatuses(), 1, 0).isEmpty()) {
				maintenance.triggerMaintenancePass();
			}
		} catch (RuntimeException e) {
			log.debug("Bulk export pacing skipped: {}", e.getMessage());
		}
	}
}
