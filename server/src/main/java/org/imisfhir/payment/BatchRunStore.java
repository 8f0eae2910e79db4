package org.imisfhir.payment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import org.imisfhir.conformance.TrustedServerWrite;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.app.CommitOnlyWrites;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.enrolment.ContributionRecorder;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.payment.rules.FacilityLevel;
import org.imisfhir.payment.rules.PolicyContribution;
import org.imisfhir.registry.RegistryProfiles;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Reads the batch run's inputs from the FHIR store and writes its outputs, always as the system. */
@Component
public class BatchRunStore {

	static final String HF_LEVEL = RegistryProfiles.IG + "organization-hf-level";
	static final String HF_SUB_LEVEL = RegistryProfiles.BASE + "hf-sub-level";
	static final String HF_ACCOUNT_SYSTEM = "https://imis-fhir.org/fhir/sid/hf-accounting-code";
	private static final int PAGE = 500;

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final CommitOnlyWrites commitOnly;
	private final Map<String, Organization> facilities = new ConcurrentHashMap<>();

	public BatchRunStore(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, CommitOnlyWrites commitOnly) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.commitOnly = commitOnly;
	}

	static SystemRequestDetails system() {
		return new SystemRequestDetails();
	}

	/** The products a run for the location pays: those of that location, or the national ones when it is null. */
	public Map<String, ProductDefinition> products(String locationId) {
		Map<String, ProductDefinition> products = new LinkedHashMap<>();
		for (IBaseResource found : all(InsurancePlan.class, new SearchParameterMap())) {
			InsurancePlan plan = (InsurancePlan) found;
			String area = plan.hasCoverageArea() ? plan.getCoverageAreaFirstRep().getReferenceElement().getIdPart() : null;
			boolean inScope = locationId == null ? area == null : locationId.equals(area);
			String code = InsurancePlanMapper.productCode(plan);
			if (inScope && code != null) {
				products.put(code, InsurancePlanMapper.toProduct(plan));
			}
		}
		return products;
	}

	/** Every processed claim (status 8) processed up to the day given, with its response, page by page. */
	public void processedClaims(LocalDate upTo, Consumer<ProcessedClaim> each) {
		SearchParameterMap search = new SearchParameterMap()
				.add("imis-status", new TokenParam(ClaimProfiles.STATUS_SYSTEM, "8"))
				.add("processed", new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, upTo.toString()));
		search.addRevInclude(new Include("ClaimResponse:request"));
		IBundleProvider results = daos.getResourceDao(Claim.class).search(search, system());
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = results.getResources(from, from + PAGE);
			if (page.isEmpty()) {
				break;
			}
			Map<String, ClaimResponse> responses = new HashMap<>();
			List<Claim> claims = new ArrayList<>();
			for (IBaseResource resource : page) {
				if (resource instanceof ClaimResponse response) {
					responses.put(response.getIdElement().getIdPart(), response);
				} else if (resource instanceof Claim claim) {
					claims.add(claim);
				}
			}
			for (Claim claim : claims) {
				ClaimResponse response = responses.get("cr-" + claim.getIdElement().getIdPart());
				if (response == null) {
					response = response(claim.getIdElement().getIdPart());
				}
				if (response != null) {
					each.accept(ProcessedClaim.of(claim, response));
				}
			}
		}
	}

	public Claim claim(String id) {
		return daos.getResourceDao(Claim.class).read(new IdType("Claim", id), system());
	}

	public ClaimResponse response(String claimId) {
		try {
			return daos.getResourceDao(ClaimResponse.class).read(new IdType("ClaimResponse", "cr-" + claimId), system());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return null;
		}
	}

	/** Ids of the claims a batch run marked. */
	public List<String> claimsOfRun(String taskId) {
		SearchParameterMap search = new SearchParameterMap().add("batch-run", new ReferenceParam("Task/" + taskId));
		List<String> ids = new ArrayList<>();
		for (IBaseResource found : all(Claim.class, search)) {
			ids.add(found.getIdElement().getIdPart());
		}
		return ids;
	}

	/** The statements of a batch run. */
	public List<PaymentReconciliation> statementsOfRun(String taskId) {
		SearchParameterMap search = new SearchParameterMap().add("request", new ReferenceParam("Task/" + taskId));
		List<PaymentReconciliation> statements = new ArrayList<>();
		for (IBaseResource found : all(PaymentReconciliation.class, search)) {
			statements.add((PaymentReconciliation) found);
		}
		statements.sort(java.util.Comparator.comparing(s -> s.getIdentifierFirstRep().getValue()));
		return statements;
	}

	/** Contributions paid on the policies of the products, with each policy's cover (effective to expiry). */
	public Map<String, List<PolicyContribution>> contributions(Set<String> productCodes) {
		Map<String, String> productOfPolicy = new HashMap<>();
		Map<String, PolicyCover> covers = new HashMap<>();
		for (String product : productCodes) {
			for (IBaseResource found : all(Coverage.class, new SearchParameterMap().add("product", new TokenParam(product)))) {
				Coverage policy = (Coverage) found;
				String id = policy.getIdElement().getIdPart();
				productOfPolicy.put(id, product);
				covers.put(id, cover(policy));
			}
		}
		Map<String, List<PolicyContribution>> byProduct = new HashMap<>();
		productCodes.forEach(code -> byProduct.put(code, new ArrayList<>()));
		if (productOfPolicy.isEmpty()) {
			return byProduct;
		}
		SearchParameterMap search = new SearchParameterMap().add("_profile", new UriParam(ContributionRecorder.CONTRIBUTION_PROFILE));
		for (IBaseResource found : all(PaymentNotice.class, search)) {
			PaymentNotice notice = (PaymentNotice) found;
			String policy = notice.getRequest().getReferenceElement().getIdPart();
			String product = productOfPolicy.get(policy);
			if (product == null || notice.getAmount().getValue() == null) {
				continue;
			}
			PolicyCover cover = covers.get(policy);
			if (cover.expiry() == null) {
				continue;
			}
			byProduct.get(product).add(new PolicyContribution(notice.getAmount().getValue(), cover.effective(), cover.expiry()));
		}
		return byProduct;
	}

	/** A policy's cover: effective date (null when never activated) and expiry date; its family and head count. */
	public record PolicyCover(LocalDate effective, LocalDate expiry, String family) {}

	public static PolicyCover cover(Coverage policy) {
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		LocalDate effective = null;
		String family = null;
		if (details != null) {
			Extension date = details.getExtensionByUrl("effectiveDate");
			if (date != null && date.getValue() instanceof DateType day) {
				effective = LocalDate.parse(day.getValueAsString());
			}
			Extension group = details.getExtensionByUrl("family");
			if (group != null && group.getValue() instanceof Reference reference) {
				family = reference.getReferenceElement().getIdPart();
			}
		}
		LocalDate expiry = policy.getPeriod().hasEnd()
				? policy.getPeriod().getEnd().toInstant().atZone(ZoneId.systemDefault()).toLocalDate() : null;
		if (policy.getPeriod().hasEnd()) {
			expiry = LocalDate.parse(policy.getPeriod().getEndElement().getValueAsString().substring(0, 10));
		}
		return new PolicyCover(effective, expiry, family);
	}

	/** Policies of a product that cover the day, with their family. */
	public List<PolicyCover> policiesCovering(String product, LocalDate day) {
		List<PolicyCover> covering = new ArrayList<>();
		for (IBaseResource found : all(Coverage.class, new SearchParameterMap().add("product", new TokenParam(product)))) {
			PolicyCover cover = cover((Coverage) found);
			if (cover.effective() != null && cover.expiry() != null && !cover.effective().isAfter(day) && !cover.expiry().isBefore(day)) {
				covering.add(cover);
			}
		}
		return covering;
	}

	/** Every health facility. */
	public List<Organization> facilities() {
		SearchParameterMap search = new SearchParameterMap().add("_profile", new UriParam(RegistryProfiles.HEALTH_FACILITY));
		List<Organization> all = new ArrayList<>();
		for (IBaseResource found : all(Organization.class, search)) {
			all.add((Organization) found);
		}
		return all;
	}

	public Organization facility(String id) {
		return facilities.computeIfAbsent(id, key -> daos.getResourceDao(Organization.class).read(new IdType("Organization", key), system()));
	}

	public static FacilityLevel level(Organization facility) {
		return new FacilityLevel(code(facility, HF_LEVEL) == null ? "" : code(facility, HF_LEVEL), code(facility, HF_SUB_LEVEL));
	}

	public static String facilityCode(Organization facility) {
		return identifier(facility, RegistryProfiles.FACILITY_CODE_SYSTEM);
	}

	public static String facilityAccount(Organization facility) {
		return identifier(facility, HF_ACCOUNT_SYSTEM);
	}

	/** Catchment villages of a facility with their percentage. */
	public static Map<String, BigDecimal> catchment(Organization facility) {
		Map<String, BigDecimal> villages = new LinkedHashMap<>();
		for (Extension catchment : facility.getExtensionsByUrl(RegistryProfiles.CATCHMENT)) {
			Extension village = catchment.getExtensionByUrl("village");
			Extension percentage = catchment.getExtensionByUrl("percentage");
			if (village != null && percentage != null && village.getValue() instanceof Reference reference) {
				villages.put(reference.getReferenceElement().getIdPart(), new BigDecimal(percentage.getValue().primitiveValue()));
			}
		}
		return villages;
	}

	public boolean locationExists(String id) {
		try {
			daos.getResourceDao(Location.class).read(new IdType("Location", id), system());
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false;
		}
	}

	public Bundle transaction(Bundle transaction) {
		return systemDao.transaction(system(), transaction);
	}

	/**
	 * Writes back claims, responses and the run's Task whose only changes are the run's own (status, remuneration,
	 * run reference): resources validated when stored, so not validated again ({@link TrustedServerWrite}).
	 */
	public void rewrite(Bundle transaction) {
		// Updates in one transaction rather than a transaction Bundle: HAPI's Bundle processing walks every resource
		// for references to substitute, and these have none to substitute.
		RequestDetails request = TrustedServerWrite.request();
		commitOnly.run(() -> {
			TransactionDetails details = new TransactionDetails();
			for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
				Resource resource = entry.getResource();
				IdType id = resource.getIdElement();
				String ifMatch = entry.getRequest().getIfMatch();
				// a version in the id makes HAPI refuse the update when the resource changed since it was read
				resource.setIdElement(ifMatch == null || ifMatch.isEmpty()
						? new IdType(resource.fhirType(), id.getIdPart())
						: new IdType(resource.fhirType(), id.getIdPart(), ifMatch.replaceAll("^W/\"|\"$", "")));
				updateAs(resource, request, details);
			}
			return null;
		});
	}

	@SuppressWarnings("unchecked")
	private <T extends IBaseResource> void updateAs(T resource, RequestDetails request, TransactionDetails details) {
		daos.getResourceDao((Class<T>) resource.getClass()).update(resource, null, true, false, request, details);
	}

	/** The claims of the ids given, and their responses (by claim id), read with one search each. */
	public Map<String, Claim> claims(List<String> ids) {
		Map<String, Claim> claims = new HashMap<>();
		for (IBaseResource found : byIds(Claim.class, ids)) {
			claims.put(found.getIdElement().getIdPart(), (Claim) found);
		}
		return claims;
	}

	/** The responses of the claims of the ids given, by claim id. */
	public Map<String, ClaimResponse> responses(List<String> claimIds) {
		Map<String, ClaimResponse> responses = new HashMap<>();
		for (IBaseResource found : byIds(ClaimResponse.class, claimIds.stream().map(id -> "cr-" + id).toList())) {
			responses.put(found.getIdElement().getIdPart().substring(3), (ClaimResponse) found);
		}
		return responses;
	}

	private List<IBaseResource> byIds(Class<? extends IBaseResource> type, List<String> ids) {
		List<IBaseResource> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += PAGE) {
			ca.uhn.fhir.rest.param.TokenOrListParam or = new ca.uhn.fhir.rest.param.TokenOrListParam();
			ids.subList(from, Math.min(ids.size(), from + PAGE)).forEach(id -> or.addOr(new TokenParam(id)));
			SearchParameterMap search = SearchParameterMap.newSynchronous().add("_id", or);
			search.setCount(PAGE);
			found.addAll(daos.getResourceDao(type).search(search, system()).getAllResources());
		}
		return found;
	}

	public void delete(IdType id) {
		daos.getResourceDao(id.getResourceType()).delete(id, system());
	}

	private List<IBaseResource> all(Class<? extends IBaseResource> type, SearchParameterMap search) {
		IBundleProvider results = daos.getResourceDao(type).search(search, system());
		List<IBaseResource> all = new ArrayList<>();
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = results.getResources(from, from + PAGE);
			if (page.isEmpty()) {
				return all;
			}
			all.addAll(page);
		}
	}

	private static String code(Organization facility, String url) {
		Extension extension = facility.getExtensionByUrl(url);
		if (extension == null || !(extension.getValue() instanceof CodeableConcept concept)) {
			return null;
		}
		return concept.getCodingFirstRep().getCode();
	}

	private static String identifier(Organization facility, String system) {
		return facility.getIdentifier().stream().filter(i -> system.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null);
	}
}
