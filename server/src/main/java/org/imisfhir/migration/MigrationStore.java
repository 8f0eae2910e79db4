package org.imisfhir.migration;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.HistoricalWrite;
import org.imisfhir.registry.RegistryProfiles;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the migrated resources through HAPI's DAOs: a record's resources are written in one
 * FHIR transaction as historical writes (every profile and rule interceptor runs; the contribution activation rule
 * does not), so a refusal of any of them leaves none of them written.
 */
@Component
public class MigrationStore {

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public MigrationStore(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.daos = daos;
		this.systemDao = systemDao;
	}

	/** The stored resource of that type and id, or null (never stored, or deleted). */
	public DomainResource read(String type, String id) {
		try {
			return (DomainResource) dao(type).read(new IdType(type, id), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return null;
		}
	}

	/**
	 * Creates or updates the resources (each under its own id) as one FHIR transaction: HAPI writes them all
	 * before resolving their references, so records whose resources refer to each other (a family and its
	 * members) are written together, and the rules that run before commit see the whole record.
	 */
	public void writeTogether(List<DomainResource> resources) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (DomainResource resource : resources) {
			String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			transaction.addEntry().setFullUrl(reference).setResource(resource.copy())
					.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(reference);
		}
		systemDao.transaction(HistoricalWrite.request(), transaction);
	}

	/** Equal but for id, meta and narrative: writing it again would change nothing. */
	public static boolean sameContent(DomainResource stored, DomainResource candidate) {
		DomainResource a = stored.copy();
		DomainResource b = candidate.copy();
		for (DomainResource r : List.of(a, b)) {
			r.setId((String) null);
			r.setMeta(null);
			r.setText(null);
		}
		return a.equalsDeep(b);
	}

	/** The scheme's insurance organisation, recipient of contributions and insurer of claims. */
	public Reference insurer() {
		SearchParameterMap search = SearchParameterMap.newSynchronous("_profile", new UriParam(RegistryProfiles.INSURANCE_ORGANIZATION));
		List<IBaseResource> found = daos.getResourceDao(Organization.class).search(search, new SystemRequestDetails()).getResources(0, 1);
		return found.isEmpty()
				? new Reference().setDisplay("Insurance organisation")
				: new Reference("Organization/" + found.get(0).getIdElement().getIdPart());
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<IBaseResource> dao(String type) {
		return (IFhirResourceDao<IBaseResource>) daos.getResourceDao(type);
	}
}
