package org.imisfhir.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.List;
import org.imisfhir.security.BulkExportScopeInterceptor;
import org.imisfhir.security.BulkExportVisibilityFilter;
import org.imisfhir.security.DistrictScopeInterceptor;
import org.imisfhir.security.ResourceVisibility;
import org.imisfhir.security.ExportOwnerGuard;
import org.imisfhir.security.LocationTreeCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bulk export with HAPI's Batch2 job: its settings, and the provider and interceptors the endpoint registers. */
@Configuration
@EnableConfigurationProperties(BulkExportProperties.class)
public class BulkExportConfig {

	private static final Logger log = LoggerFactory.getLogger(BulkExportConfig.class);

	@Bean
	@ConditionalOnProperty(prefix = "imis.bulk-export", name = "enabled", havingValue = "true", matchIfMissing = true)
	public BulkExportPacer imisBulkExportPacer(
			IJobCoordinator coordinator, IJobMaintenanceService maintenance, JpaStorageSettings storage) {
		// without fast tracking HAPI ignores requests for a maintenance pass and keeps to its one-a-minute schedule
		storage.setJobFastTrackingEnabled(true);
		return new BulkExportPacer(coordinator, maintenance);
	}

	@Bean
	@ConditionalOnProperty(prefix = "imis.bulk-export", name = "enabled", havingValue = "true", matchIfMissing = true)
	public BulkExportEndpoint bulkExportEndpoint(
			BulkDataExportProvider provider,
			BulkExportProperties properties,
			JpaStorageSettings storageSettings,
			FhirContext fhirContext,
			IJobCoordinator jobs,
			DaoRegistry daoRegistry,
			LocationTreeCache locations,
			DistrictScopeInterceptor districtScope,
			ObjectProvider<ResourceVisibility> visibility,
			IInterceptorService interceptors) {
		List<ResourceVisibility> rules = visibility.orderedStream().toList();
		interceptors.registerInterceptor(new BulkExportVisibilityFilter(rules, districtScope));
		storageSettings.setBulkExportFileRetentionPeriodHours(properties.getFileRetentionHours());
		storageSettings.setBulkExportFileMaximumCapacity(properties.getMaxResourcesPerFile());
		storageSettings.setBulkExportFileMaximumSize(properties.getMaxFileSizeMb() * 1024L * 1024L);
		storageSettings.setEnableBulkExportJobReuse(properties.isReuseJobs());
		log.info("Bulk export on: files kept {} h, at most {} resources or {} MB per file, jobs reused: {}",
				properties.getFileRetentionHours(), properties.getMaxResourcesPerFile(), properties.getMaxFileSizeMb(),
				properties.isReuseJobs());
		return new BulkExportEndpoint(provider, List.of(
				new BulkExportScopeInterceptor(daoRegistry, locations, districtScope, rules),
				new ExportOwnerGuard(fhirContext, jobs)));
	}
}
