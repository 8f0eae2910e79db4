package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Leaves out of a bulk export's files what a {@link ResourceVisibility} rule hides from the exporting user, as
 * noted on the job when it began ({@link BulkExportScopeInterceptor}). Registered on HAPI's storage-wide
 * interceptor service, where the export job asks it of every resource it writes.
 */
@Interceptor
public class BulkExportVisibilityFilter {

	private final List<ResourceVisibility> visibility;

	public BulkExportVisibilityFilter(List<ResourceVisibility> visibility) {
		this.visibility = List.copyOf(visibility);
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean include(BulkExportJobParameters export, IBaseResource resource) {
		for (int i = 0; i < visibility.size(); i++) {
			Object note = export.getUserData().get(BulkExportScopeInterceptor.VISIBILITY_NOTE + i);
			if (note != null && !visibility.get(i).exportable(String.valueOf(note), resource)) {
				return false;
			}
		}
		return true;
	}
}
