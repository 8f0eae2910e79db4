package org.imisfhir.claim;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;

/**
 * The catalogue as claims read it: services and items by code and by id, and the price lists of a facility and its
 * district. A five-line claim read them with about a dozen searches and reads, half of what {@code $submit} spends
 * reading. Everything is dropped when a service, an item or a price list is written on this node, and entries live
 * a minute at most, which bounds how long a write on another node (or one committing after a concurrent reader
 * cached the old version) stays unseen, as for products ({@link ClaimProductCache}). The resources handed out are
 * shared: callers only read them.
 */
@Interceptor
public class ClaimCatalogueCache {

	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private final DaoRegistry daos;
	private final Cache<String, Optional<IdType>> idsByCode = newCache();
	private final Cache<String, IBaseResource> resourcesById = newCache();
	private final Cache<String, List<ChargeItemDefinition>> priceListsByScope = newCache();

	public ClaimCatalogueCache(DaoRegistry daos) {
		this.daos = daos;
	}

	private static <K, V> Cache<K, V> newCache() {
		return Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(100_000).build();
	}

	/** The service or item of the code, versionless, when there is one. */
	public Optional<IdType> idOf(Class<? extends IBaseResource> type, String system, String code) {
		return idsByCode.get(type.getSimpleName() + "|" + system + "|" + code, key -> {
			List<IBaseResource> found = daos.getResourceDao(type)
					.search(SearchParameterMap.newSynchronous("identifier", new TokenParam(system, code)), new SystemRequestDetails())
					.getResources(0, 1);
			return found.isEmpty() ? Optional.empty() : Optional.of((IdType) found.get(0).getIdElement().toUnqualifiedVersionless());
		});
	}

	/** The current version of a service or item; an unknown one is not cached and fails as a read does. */
	public <T extends IBaseResource> T read(Class<T> type, IdType id) {
		IdType versionless = new IdType(type.getSimpleName(), id.getIdPart());
		return type.cast(resourcesById.get(versionless.getValue(),
				key -> daos.getResourceDao(type).read(versionless, new SystemRequestDetails())));
	}

	/** Every price list whose scope is one of these references (a facility, its district). */
	public List<ChargeItemDefinition> priceLists(List<String> scopes) {
		return priceListsByScope.get(String.join("|", scopes), key -> {
			ReferenceOrListParam or = new ReferenceOrListParam();
			scopes.forEach(scope -> or.addOr(new ReferenceParam(scope)));
			List<ChargeItemDefinition> lists = new ArrayList<>();
			for (IBaseResource found : daos.getResourceDao(ChargeItemDefinition.class)
					.search(SearchParameterMap.newSynchronous().add("scope", or), new SystemRequestDetails()).getAllResources()) {
				lists.add((ChargeItemDefinition) found);
			}
			return List.copyOf(lists);
		});
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		forgetIfCatalogue(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		forgetIfCatalogue(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		forgetIfCatalogue(resource);
	}

	private void forgetIfCatalogue(IBaseResource resource) {
		if (resource instanceof ActivityDefinition || resource instanceof Medication || resource instanceof ChargeItemDefinition) {
			idsByCode.invalidateAll();
			resourcesById.invalidateAll();
			priceListsByScope.invalidateAll();
		}
	}
}
