package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.imisfhir.registry.RegistryRulesInterceptor;
import org.imisfhir.registry.rules.LocationLevel;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored administrative tree, loaded once and reloaded after any Location is written (registered on
 * HAPI's storage-wide interceptor service).
 */
@Interceptor
public class LocationTreeCache {

	static final String LOCATION_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/location-code";

	private final DaoRegistry daoRegistry;
	private volatile LocationTree tree;

	public LocationTreeCache(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	public LocationTree tree() {
		LocationTree current = tree;
		if (current == null) {
			current = load();
			tree = current;
		}
		return current;
	}

	private LocationTree load() {
		List<LocationTree.Node> nodes = new ArrayList<>();
		for (IBaseResource found : daoRegistry.getResourceDao(Location.class)
				.search(SearchParameterMap.newSynchronous(), new SystemRequestDetails()).getAllResources()) {
			Location location = (Location) found;
			String code = location.getIdentifier().stream()
					.filter(identifier -> LOCATION_CODE_SYSTEM.equals(identifier.getSystem()))
					.map(Identifier::getValue)
					.findFirst().orElse(null);
			String level = RegistryRulesInterceptor.levelOf(location).map(LocationLevel::code).orElse(null);
			String parent = location.hasPartOf() ? location.getPartOf().getReferenceElement().getIdPart() : null;
			nodes.add(new LocationTree.Node(location.getIdElement().getIdPart(), code, level, parent));
		}
		return new LocationTree(nodes);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		changed(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		changed(newResource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		changed(resource);
	}

	private void changed(IBaseResource resource) {
		if (!"Location".equals(resource.fhirType())) {
			return;
		}
		tree = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					tree = null;
				}
			});
		}
	}
}
