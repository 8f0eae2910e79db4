package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Keeps users limited to districts (token claim {@code districts}) to the families, insurees and claims of
 * those districts; a user with a health facility (claim {@code facility}) sees only that facility's claims.
 *
 * <ul>
 *   <li>searches of Group, Patient and Claim are narrowed by an extra search parameter (a family's village,
 *       an insuree's family's village, a claim's provider or the provider's district);
 *   <li>every Group, Patient and Claim about to be shown is checked: a read, history or operation showing an
 *       out-of-scope resource is refused with 403 {@code out-of-scope}; {@code _include}d and
 *       {@code _revinclude}d out-of-scope resources are left out of search Bundles and their pages;
 *   <li>a Group or Claim written must lie in the user's districts (before and after an update).
 * </ul>
 * A family lies in the district of its village; an insuree in that of their family; a claim in that of
 * its provider (the health facility, an Organization with a district).
 */
@Interceptor
public class DistrictScopeInterceptor {

	static final Set<String> SCOPED_TYPES = Set.of("Group", "Patient", "Claim");
	static final String GROUP_ADDRESS = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-address";
	static final String ADDRESS_LOCATION =
			"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference";
	static final String FAMILY_REFERENCE =
			"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-group-reference";
	static final String FACILITY_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/hf-code";
	/** Narrows a search to nothing (no Location has this id). */
	static final String NOWHERE = "Location/out-of-scope";

	private final DaoRegistry daoRegistry;
	private final LocationTreeCache locations;
	private final Map<String, String> facilityIdByCode = new ConcurrentHashMap<>();

	public DistrictScopeInterceptor(DaoRegistry daoRegistry, LocationTreeCache locations) {
		this.daoRegistry = daoRegistry;
		this.locations = locations;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrowSearch(RequestDetails request) {
		if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
				|| !SCOPED_TYPES.contains(request.getResourceName())) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		String facilityId = facilityOf(user);
		if (!DistrictScope.limited(user) && facilityId == null) {
			return;
		}
		switch (request.getResourceName()) {
			case "Group" -> and(request, "village", villages(user));
			case "Patient" -> and(request, "family-group.village", villages(user));
			default -> {
				if (facilityId != null) {
					and(request, "provider", "Organization/" + facilityId);
				}
				if (DistrictScope.limited(user)) {
					and(request, "provider:Organization.district", districts(user));
				}
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void checkShown(RequestDetails request, IPreResourceShowDetails shown) {
		ImisUser user = CurrentUser.get().orElse(null);
		String facilityId = facilityOf(user);
		if (request == null || (!DistrictScope.limited(user) && facilityId == null)) {
			return;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource == null || !SCOPED_TYPES.contains(resource.fhirType())) {
				continue;
			}
			if (operation == RestOperationTypeEnum.SEARCH_TYPE && resource.fhirType().equals(request.getResourceName())) {
				continue; // the search itself was narrowed
			}
			if (!inScope(user, facilityId, resource)) {
				if (refusedWhole(operation)) {
					throw outOfScope(user, resource);
				}
				shown.setResource(i, null);
			}
		}
	}

	/** After profile validation (order 0): an invalid resource is refused for what it is (422). */
	static final int WRITE_CHECK_ORDER = 100;

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WRITE_CHECK_ORDER)
	public void checkCreated(RequestDetails request, IBaseResource resource) {
		checkWrite(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WRITE_CHECK_ORDER)
	public void checkUpdated(RequestDetails request, IBaseResource oldResource, IBaseResource newResource) {
		checkWrite(oldResource);
		checkWrite(newResource);
	}

	private void checkWrite(IBaseResource resource) {
		if (resource == null || !(resource instanceof Group || resource instanceof Claim)) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		String facilityId = facilityOf(user);
		if ((DistrictScope.limited(user) || facilityId != null) && !inScope(user, facilityId, resource)) {
			throw outOfScope(user, resource);
		}
	}

	boolean inScope(ImisUser user, String facilityId, IBaseResource resource) {
		if (resource instanceof Claim claim) {
			String provider = claim.getProvider().getReferenceElement().getIdPart();
			if (facilityId != null && !facilityId.equals(provider)) {
				return false;
			}
			return !DistrictScope.limited(user) || DistrictScope.inScope(districtIds(user), facilityDistrict(claim.getProvider()));
		}
		if (!DistrictScope.limited(user)) {
			return true;
		}
		Optional<String> district = Optional.empty();
		if (resource instanceof Group family) {
			district = familyDistrict(family);
		} else if (resource instanceof Patient insuree) {
			district = insureeDistrict(insuree);
		}
		return DistrictScope.inScope(districtIds(user), district);
	}

	private Optional<String> familyDistrict(Group family) {
		Extension address = family.getExtensionByUrl(GROUP_ADDRESS);
		if (address != null && address.getValue() instanceof Address value) {
			Extension village = value.getExtensionByUrl(ADDRESS_LOCATION);
			if (village != null && village.getValue() instanceof Reference reference) {
				return locations.tree().districtOf(reference.getReferenceElement().getIdPart());
			}
		}
		return Optional.empty();
	}

	private Optional<String> insureeDistrict(Patient insuree) {
		Extension family = insuree.getExtensionByUrl(FAMILY_REFERENCE);
		if (family == null || !(family.getValue() instanceof Reference reference) || !reference.hasReference()) {
			return Optional.empty();
		}
		try {
			Group group = daoRegistry.getResourceDao(Group.class)
					.read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			return familyDistrict(group);
		} catch (RuntimeException unknown) {
			return Optional.empty();
		}
	}

	private Optional<String> facilityDistrict(Reference provider) {
		if (provider == null || !provider.hasReference() || !"Organization".equals(provider.getReferenceElement().getResourceType())) {
			return Optional.empty();
		}
		try {
			Organization facility = daoRegistry.getResourceDao(Organization.class)
					.read(provider.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			for (Address address : facility.getAddress()) {
				Extension location = address.getExtensionByUrl(ADDRESS_LOCATION);
				if (location != null && location.getValue() instanceof Reference reference) {
					return locations.tree().districtOf(reference.getReferenceElement().getIdPart());
				}
			}
		} catch (RuntimeException unknown) {
			// no such facility: out of scope
		}
		return Optional.empty();
	}

	/** The logical id of the user's health facility, or null when the user has none (or it is unknown). */
	public String facilityOf(ImisUser user) {
		if (user == null || user.facility() == null) {
			return null;
		}
		String id = facilityIdByCode.computeIfAbsent(user.facility(), code -> {
			SearchParameterMap byCode = SearchParameterMap.newSynchronous()
					.add(Organization.SP_IDENTIFIER, new TokenParam(FACILITY_CODE_SYSTEM, code));
			List<IBaseResource> found = daoRegistry.getResourceDao(Organization.class)
					.search(byCode, new SystemRequestDetails()).getResources(0, 1);
			return found.isEmpty() ? null : found.get(0).getIdElement().getIdPart(); // misses are not cached
		});
		// an unknown facility code narrows to nothing rather than to everything
		return id == null ? "out-of-scope" : id;
	}

	private Set<String> districtIds(ImisUser user) {
		return locations.tree().districtIds(user.districts());
	}

	private String villages(ImisUser user) {
		List<String> villages = locations.tree().villagesIn(districtIds(user));
		return villages.isEmpty() ? NOWHERE : String.join(",", villages.stream().map(id -> "Location/" + id).toList());
	}

	private String districts(ImisUser user) {
		Set<String> ids = districtIds(user);
		return ids.isEmpty() ? NOWHERE : String.join(",", ids.stream().map(id -> "Location/" + id).toList());
	}

	/** Adds a condition the search must also meet (repeating a parameter means AND). */
	private static void and(RequestDetails request, String parameter, String value) {
		String[] existing = request.getParameters().get(parameter);
		List<String> values = new ArrayList<>(existing == null ? List.of() : Arrays.asList(existing));
		values.add(value);
		request.addParameter(parameter, values.toArray(String[]::new));
	}

	/**
	 * Requests refused as a whole when they would show an out-of-scope resource: reads, operations, and
	 * history (HAPI's history Bundles cannot leave an entry out). Searches and pages leave it out instead.
	 */
	private static boolean refusedWhole(RestOperationTypeEnum operation) {
		return switch (operation) {
			case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM, EXTENDED_OPERATION_INSTANCE,
					EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER -> true;
			default -> false;
		};
	}

	private static ImisRuleException outOfScope(ImisUser user, IBaseResource resource) {
		String what = resource.getIdElement().hasIdPart()
				? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
				: resource.fhirType();
		return new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.OUT_OF_SCOPE,
				user.username(), user.districts().isEmpty() ? List.of(user.facility()) : user.districts(), what);
	}
}
