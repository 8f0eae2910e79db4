package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.imisfhir.app.CommitOnlyWrites;
import org.imisfhir.registry.catalogue.rules.RowOutcome;
import org.springframework.stereotype.Component;

/**
 * Finds catalogue resources by their code and writes them idempotently: a resource equal to the stored one
 * (ignoring id, meta and narrative) is left alone, so re-importing the same data makes no new version.
 */
@Component
public class CatalogueStore {

	public static final String PRICE_LIST_CODE = "https://imis-fhir.org/fhir/sid/price-list-code";
	public static final String LOCATION_CODE = "https://imis-fhir.org/fhir/sid/location-code";
	private static final Pattern ID_SAFE = Pattern.compile("[A-Za-z0-9\\-.]{1,60}");
	private static final int CODES_PER_QUERY = 200;

	private final DaoRegistry daos;
	private final CommitOnlyWrites commitOnly;

	public CatalogueStore(DaoRegistry daos, CommitOnlyWrites commitOnly) {
		this.daos = daos;
		this.commitOnly = commitOnly;
	}

	/** What a write did, and the resource's Type/id. */
	public record Written(RowOutcome outcome, String resource) {}

	/** The stored resource of the type with the code in the identifier system, or null. */
	public <T extends DomainResource> T findByCode(Class<T> type, String system, String code) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("identifier", new TokenParam(system, code));
		List<IBaseResource> found = dao(type).search(map, new SystemRequestDetails()).getResources(0, 2);
		return found.isEmpty() ? null : type.cast(found.get(0));
	}

	/** Code to versionless Type/id for the codes that exist, in batches of one OR-search per 200 codes. */
	public Map<String, String> resolve(Class<? extends DomainResource> type, String system, Collection<String> codes) {
		Map<String, String> ids = new HashMap<>();
		findByCodes(type, system, codes).forEach(
				(code, found) -> ids.put(code, found.getIdElement().toUnqualifiedVersionless().getValue()));
		return ids;
	}

	/** Code to stored resource for the codes that exist, in batches of one OR-search per 200 codes. */
	public <T extends DomainResource> Map<String, T> findByCodes(Class<T> type, String system, Collection<String> codes) {
		Map<String, T> stored = new HashMap<>();
		List<String> all = codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
		for (int from = 0; from < all.size(); from += CODES_PER_QUERY) {
			TokenOrListParam or = new TokenOrListParam();
			all.subList(from, Math.min(all.size(), from + CODES_PER_QUERY)).forEach(code -> or.addOr(new TokenParam(system, code)));
			SearchParameterMap map = SearchParameterMap.newSynchronous();
			map.add("identifier", or);
			map.setCount(CODES_PER_QUERY * 2);
			for (IBaseResource resource : dao(type).search(map, new SystemRequestDetails()).getAllResources()) {
				T found = type.cast(resource);
				String code = code(found, system);
				if (code != null) {
					stored.putIfAbsent(code, found);
				}
			}
		}
		return stored;
	}

	/**
	 * What writing the resource would do, given the stored resource with the same code (or null): nothing when
	 * the content is the same (the stored resource's Type/id is returned), otherwise an update of the stored
	 * resource or a creation (under {@code idPrefix + code} when the code can be an id); the resource's id is
	 * set accordingly.
	 */
	public <T extends DomainResource> Planned plan(T resource, T stored, String system, String idPrefix) {
		String type = resource.fhirType();
		if (stored != null) {
			String id = stored.getIdElement().getIdPart();
			if (sameContent(stored, resource)) {
				return new Planned(RowOutcome.UNCHANGED, type + "/" + id);
			}
			resource.setId(id);
			return new Planned(RowOutcome.UPDATED, type + "/" + id);
		}
		String code = code(resource, system);
		if (code != null && ID_SAFE.matcher(idPrefix + code).matches()) {
			resource.setId(idPrefix + code);
			return new Planned(RowOutcome.CREATED, type + "/" + idPrefix + code);
		}
		resource.setId((String) null);
		return new Planned(RowOutcome.CREATED, null);
	}

	/** A planned write: its outcome, and the Type/id it will have (null for a creation under a server id). */
	public record Planned(RowOutcome outcome, String resource) {}

	/**
	 * Writes the planned resources (created or updated, see {@link #plan}) in one database transaction and
	 * answers each one's Type/id in order; a refusal of any of them rolls all of them back and is thrown.
	 * The resources themselves are left as they are (copies are written), so the same list can be written again.
	 * A resource of a shape that already passed the profiles in this import is not validated again ({@link RowShapes}).
	 */
	List<String> writeTogether(List<? extends DomainResource> resources, RowShapes shapes) {
		// The rows of a chunk are distinct resources with distinct codes: no row's queries need another row's
		// unsaved changes.
		return savedAtCommit(() -> {
			List<String> ids = new ArrayList<>(resources.size());
			for (DomainResource resource : resources) {
				String shape = shapes.shapeOf(resource);
				ids.add(write(resource.copy(), shapes.requestFor(shape)));
				shapes.passed(shape);
			}
			return ids;
		});
	}

	private <R> R savedAtCommit(java.util.function.Supplier<R> writes) {
		return commitOnly.run(writes);
	}

	private <T extends DomainResource> String write(T resource) {
		return write(resource, new SystemRequestDetails());
	}

	@SuppressWarnings("unchecked")
	private <T extends DomainResource> String write(T resource, RequestDetails request) {
		IFhirResourceDao<T> dao = dao((Class<T>) resource.getClass());
		DaoMethodOutcome outcome = resource.getIdElement().hasIdPart()
				? dao.update(resource, request)
				: dao.create(resource, request);
		return resource.fhirType() + "/" + outcome.getId().getIdPart();
	}

	/**
	 * Creates the resource (under {@code idPrefix + code} when the code can be an id), updates the stored one
	 * with the same code, or leaves it when nothing changed. Refusals (profile, rules, duplicates) are thrown.
	 */
	@SuppressWarnings("unchecked")
	public <T extends DomainResource> Written upsert(T resource, String system, String idPrefix) {
		return upsert(resource, findByCode((Class<T>) resource.getClass(), system, code(resource, system)), system, idPrefix);
	}

	/** {@link #upsert(DomainResource, String, String)} with the stored resource of the same code already read (or null). */
	public <T extends DomainResource> Written upsert(T resource, T stored, String system, String idPrefix) {
		Planned planned = plan(resource, stored, system, idPrefix);
		if (planned.outcome() == RowOutcome.UNCHANGED) {
			return new Written(RowOutcome.UNCHANGED, planned.resource());
		}
		// A price list references each of its services: it is saved at commit, not before each reference look-up.
		return new Written(planned.outcome(), savedAtCommit(() -> write(resource)));
	}

	static boolean sameContent(DomainResource stored, DomainResource candidate) {
		DomainResource a = stored.copy();
		DomainResource b = candidate.copy();
		for (DomainResource r : List.of(a, b)) {
			r.setId((String) null);
			r.setMeta(null);
			r.setText(null);
		}
		return a.equalsDeep(b);
	}

	public static String code(DomainResource resource, String system) {
		List<Identifier> identifiers = List.of();
		if (resource instanceof ActivityDefinition service) {
			identifiers = service.getIdentifier();
		} else if (resource instanceof Medication item) {
			identifiers = item.getIdentifier();
		} else if (resource instanceof ChargeItemDefinition list) {
			identifiers = list.getIdentifier();
		} else if (resource instanceof Location location) {
			identifiers = location.getIdentifier();
		}
		return CatalogueCodes.code(identifiers, system);
	}

	@SuppressWarnings("unchecked")
	private <T extends IBaseResource> IFhirResourceDao<T> dao(Class<T> type) {
		return (IFhirResourceDao<T>) daos.getResourceDao(type);
	}
}
