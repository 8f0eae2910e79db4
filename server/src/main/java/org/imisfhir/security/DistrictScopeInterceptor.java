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
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Organization;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Keeps users limited to districts (token claim {@code districts}) to the families, insurees, policies,
 * contributions, eligibility enquiries, health facilities and claims of those districts; a user with a
 * health facility (claim {@code facility}) sees only that facility and its claims, with their responses
 * and feedback. Where each type lies is told by {@link ScopeResolver}; how a search is narrowed, by
 * {@link SearchNarrowing}.
 *
 * <ul>
 *   <li>searches of a scoped type are narrowed by extra search parameters before HAPI runs them, so pages
 *       and totals hold in-scope resources only; an Organization search that does not ask for facilities is
 *       not narrowed, its out-of-scope facilities are left out of the page instead;
 *   <li>every scoped resource about to be shown is checked: a read, history or operation showing an
 *       out-of-scope resource is refused with 403 {@code out-of-scope}; {@code _include}d and
 *       {@code _revinclude}d out-of-scope resources are left out of search Bundles and their pages;
 *   <li>an eligibility answer ({@code CoverageEligibilityRequest/$submit}) about an out-of-scope insuree is
 *       refused with 403;
 *   <li>a scoped resource written must lie in the user's scope (before and after an update).
 * </ul>
 */
@Interceptor
public class DistrictScopeInterceptor {

	static final Set<String> SCOPED_TYPES = Set.of(
			"Group", "Patient", "Coverage", "PaymentNotice", "CoverageEligibilityRequest", "CoverageEligibilityResponse",
			"Organization", "Claim", "ClaimResponse", "Communication", "CommunicationRequest");
	/** Types whose writes are checked (insurees are written with their family, which is checked). */
	static final Set<String> WRITE_CHECKED_TYPES = Set.of(
			"Group", "Coverage", "PaymentNotice", "Organization", "Claim", "ClaimResponse", "Communication",
			"CommunicationRequest");
	/** Types scoped through their claim's facility (the others through a district). */
	static final Set<String> CLAIM_TYPES = Set.of("Claim", "ClaimResponse", "Communication", "CommunicationRequest");
	static final String FACILITY_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/hf-code";
	/** Narrows a search to nothing (no Location has this id). */
	static final String NOWHERE = "Location/out-of-scope";
	/** Request user data: the search was narrowed, its own resources need no check. */
	static final String NARROWED = DistrictScopeInterceptor.class.getName() + ".narrowed";

	private final DaoRegistry daoRegistry;
	private final LocationTreeCache locations;
	private final ScopeResolver resolver;
	private final Map<String, String> facilityIdByCode = new ConcurrentHashMap<>();

	public DistrictScopeInterceptor(DaoRegistry daoRegistry, LocationTreeCache locations) {
		this.daoRegistry = daoRegistry;
		this.locations = locations;
		this.resolver = new ScopeResolver(daoRegistry, locations);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void narrowSearch(RequestDetails request) {
		if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
				|| !SearchNarrowing.NARROWED_TYPES.contains(request.getResourceName())) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		String facilityId = facilityOf(user);
		if (!DistrictScope.limited(user) && facilityId == null) {
			return;
		}
		boolean limited = DistrictScope.limited(user);
		List<SearchNarrowing.Condition> conditions = SearchNarrowing.conditions(request.getResourceName(),
				request.getParameters(), limited ? villages(user) : null, limited ? districts(user) : null, facilityId);
		for (SearchNarrowing.Condition condition : conditions) {
			and(request, condition.parameter(), condition.value());
		}
		if (!conditions.isEmpty()) {
			// HAPI binds qualified and chained parameters (request:Coverage.family.village) through an index
			// of names it builds when the parameters are set, not when one is added
			request.setParameters(new java.util.LinkedHashMap<>(request.getParameters()));
		}
		if (!conditions.isEmpty()) {
			request.getUserData().put(NARROWED, Boolean.TRUE);
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
		boolean narrowed = operation == RestOperationTypeEnum.SEARCH_TYPE
				&& Boolean.TRUE.equals(request.getUserData().get(NARROWED));
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource == null || !SCOPED_TYPES.contains(resource.fhirType())) {
				continue;
			}
			if (narrowed && resource.fhirType().equals(request.getResourceName())) {
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

	/** An eligibility answer is computed, not stored: it is checked as it goes out. */
	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void checkAnswer(RequestDetails request, IBaseResource response) {
		if (response == null || !"CoverageEligibilityResponse".equals(response.fhirType())) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		if (DistrictScope.limited(user) && !inScope(user, null, response)) {
			String insuree = ((org.hl7.fhir.r4.model.CoverageEligibilityResponse) response).getPatient().getReference();
			throw outOfScope(user, insuree == null ? response.fhirType() : insuree);
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

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = WRITE_CHECK_ORDER)
	public void checkDeleted(RequestDetails request, IBaseResource resource) {
		checkWrite(resource);
	}

	private void checkWrite(IBaseResource resource) {
		if (resource == null || !WRITE_CHECKED_TYPES.contains(resource.fhirType())) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		String facilityId = facilityOf(user);
		if ((DistrictScope.limited(user) || facilityId != null) && !inScope(user, facilityId, resource)) {
			throw outOfScope(user, resource);
		}
	}

	/**
	 * Whether a user may see a resource as far as districts and facility go: always for a user limited to neither,
	 * and for a type that is not scoped; otherwise when it lies in their scope (the rule reads and searches apply).
	 */
	public boolean visibleTo(ImisUser user, IBaseResource resource) {
		String facilityId = facilityOf(user);
		if (resource == null || !SCOPED_TYPES.contains(resource.fhirType()) || (!DistrictScope.limited(user) && facilityId == null)) {
			return true;
		}
		return inScope(user, facilityId, resource);
	}

	boolean inScope(ImisUser user, String facilityId, IBaseResource resource) {
		boolean limited = DistrictScope.limited(user);
		if (CLAIM_TYPES.contains(resource.fhirType())) {
			Optional<Claim> claim = resolver.claimOf(resource);
			if (claim.isEmpty()) {
				return false;
			}
			if (facilityId != null && !facilityId.equals(ScopeResolver.facilityOf(claim.get()))) {
				return false;
			}
			return !limited || DistrictScope.inScope(districtIds(user), resolver.claimDistrict(claim.get()));
		}
		if (resource instanceof Organization organization) {
			if (!ScopeResolver.isFacility(organization)) {
				return true;
			}
			if (facilityId != null && !facilityId.equals(organization.getIdElement().getIdPart())) {
				return false;
			}
			return !limited || DistrictScope.inScope(districtIds(user), resolver.districtOf(organization));
		}
		return !limited || DistrictScope.inScope(districtIds(user), resolver.districtOf(resource));
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
		return outOfScope(user, resource.getIdElement().hasIdPart()
				? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
				: resource.fhirType());
	}

	private static ImisRuleException outOfScope(ImisUser user, String what) {
		return new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.OUT_OF_SCOPE,
				user.username(), user.districts().isEmpty() ? List.of(user.facility()) : user.districts(), what);
	}
}
