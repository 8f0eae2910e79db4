package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Leaves out of a bulk export's files what a {@link ResourceVisibility} rule hides from the exporting user, and
 * the resources of the types that cannot be narrowed by search lying outside their districts or facility
 * ({@link ExportScope#CHECKED_WHILE_WRITTEN}), as noted on the job when it began ({@link BulkExportScopeInterceptor}). Registered on HAPI's storage-wide
 * interceptor service, where the export job asks it of every resource it writes.
 */
@Interceptor
public class BulkExportVisibilityFilter {

	private final List<ResourceVisibility> visibility;
	private final DistrictScopeInterceptor districtScope;

	public BulkExportVisibilityFilter(List<ResourceVisibility> visibility, DistrictScopeInterceptor districtScope) {
		this.visibility = List.copyOf(visibility);
		this.districtScope = districtScope;
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean include(BulkExportJobParameters export, IBaseResource resource) {
		Object checked = export.getUserData().get(BulkExportScopeInterceptor.AREA_TYPES);
		if (checked != null && List.of(String.valueOf(checked).split(",")).contains(resource.fhirType())
				&& !inArea(export, resource)) {
			return false;
		}
		for (int i = 0; i < visibility.size(); i++) {
			Object note = export.getUserData().get(BulkExportScopeInterceptor.VISIBILITY_NOTE + i);
			if (note != null && !visibility.get(i).exportable(String.valueOf(note), resource)) {
				return false;
			}
		}
		return true;
	}

	/** The exporting user's area, as noted when the job began. */
	private boolean inArea(BulkExportJobParameters export, IBaseResource resource) {
		String districts = String.valueOf(export.getUserData().getOrDefault(BulkExportScopeInterceptor.AREA_DISTRICTS, ""));
		String facility = String.valueOf(export.getUserData().getOrDefault(BulkExportScopeInterceptor.AREA_FACILITY, ""));
		ImisUser area = new ImisUser(export.getBinarySecurityContextIdentifierValue(), Set.of(),
				districts.isBlank() ? List.of() : List.of(districts.split(",")), facility.isBlank() ? null : facility, null);
		return districtScope.inScope(area, districtScope.facilityOf(area), resource);
	}
}
