package org.imisfhir.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps out of HAPI's subscription pipeline the writes of resource types no Subscription watches. HAPI turns every
 * write into a message, stores it, reads the resource back and matches it against the active Subscriptions, even
 * when none is of its type: a catalogue import or a batch run pays that for every row. A type is watched from the
 * moment a Subscription on it is stored on this node, and from the next refresh (every
 * {@code imis.subscriptions.watched-refresh-millis}) when stored on another node, as HAPI's own registry of active
 * Subscriptions is. Types are only added while the server runs, never taken away, so a notification can only be
 * kept in the pipeline for nothing, never lost. Until the first read of the stored Subscriptions every write goes
 * through. Subscription resources themselves always go through (HAPI registers them from their messages).
 */
@Interceptor
public class WatchedTypes {

	private static final Logger log = LoggerFactory.getLogger(WatchedTypes.class);

	private final FhirContext fhirContext;
	private final DaoRegistry daos;
	private final Set<String> watched = ConcurrentHashMap.newKeySet();
	private volatile boolean loaded;

	public WatchedTypes(FhirContext fhirContext, DaoRegistry daos) {
		this.fhirContext = fhirContext;
		this.daos = daos;
	}

	/** Whether the write's message goes on to the matching of Subscriptions. */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean resourceModified(ResourceModifiedMessage message) {
		String type = message.getResourceType(fhirContext);
		return !loaded || type == null || "Subscription".equals(type) || watched.contains(type);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		watch(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		watch(newResource);
	}

	/** Adds the types of the stored Subscriptions (those written by other nodes too). */
	@Scheduled(fixedDelayString = "${imis.subscriptions.watched-refresh-millis:60000}", initialDelay = 2000)
	public void refresh() {
		try {
			int before = watched.size();
			for (IBaseResource resource : daos.getResourceDao(Subscription.class)
					.search(SearchParameterMap.newSynchronous(), new SystemRequestDetails()).getAllResources()) {
				watch(resource);
			}
			if (!loaded || watched.size() != before) {
				log.info("Writes of {} go to the matching of FHIR Subscriptions; other types are not matched", watched);
			}
			loaded = true;
		} catch (RuntimeException e) {
			log.warn("Could not read the stored Subscriptions; every write still goes to the matching: {}", e.toString());
		}
	}

	/** The types watched so far (for tests and diagnostics). */
	public Set<String> watched() {
		return Set.copyOf(watched);
	}

	boolean isLoaded() {
		return loaded;
	}

	private void watch(IBaseResource resource) {
		if (resource instanceof Subscription subscription && subscription.hasCriteria()) {
			String criteria = subscription.getCriteria().trim();
			int question = criteria.indexOf('?');
			String type = question < 0 ? criteria : criteria.substring(0, question);
			if (!type.isEmpty()) {
				watched.add(type);
			}
		}
	}
}
