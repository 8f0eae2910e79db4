package org.imisfhir.hmis;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.enrolment.InsureeRecords;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.hmis.rules.HmisFacts;
import org.imisfhir.security.LocationTree;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of a month's HMIS indicators for some districts through HAPI's DAOs (FHIR searches): the
 * families of their villages with their members, the families' policies and those policies' contributions, and
 * the claims claimed during the month at facilities of those districts with their answers.
 */
@Component
public class HmisFactsReader {

	/** References searched together in one OR list. */
	static final int CHUNK = 100;

	private final DaoRegistry daoRegistry;

	public HmisFactsReader(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	public HmisFacts read(YearMonth month, Set<String> districtIds, LocationTree tree) {
		List<HmisFacts.Family> families = new ArrayList<>();
		Map<String, Integer> activeMembers = new HashMap<>();
		List<Group> groups = search(Group.class, "village", refs("Location", tree.villagesIn(districtIds)));
		List<String> familyIds = groups.stream().map(group -> group.getIdElement().getIdPart()).toList();
		for (Patient insuree : search(Patient.class, "family-group", refs("Group", familyIds))) {
			if (InsureeRecords.status(insuree).map("AC"::equals).orElse(true)) {
				Reference family = (Reference) insuree.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE).getValue();
				activeMembers.merge(family.getReferenceElement().getIdPart(), 1, Integer::sum);
			}
		}
		for (Group group : groups) {
			String id = group.getIdElement().getIdPart();
			villageOf(group).flatMap(tree::districtOf).ifPresent(district ->
					families.add(new HmisFacts.Family(id, district, activeMembers.getOrDefault(id, 0))));
		}

		List<HmisFacts.Policy> policies = new ArrayList<>();
		for (Coverage coverage : search(Coverage.class, "family", refs("Group", familyIds))) {
			policies.add(policy(coverage));
		}
		List<HmisFacts.Contribution> contributions = new ArrayList<>();
		List<String> policyIds = policies.stream().map(HmisFacts.Policy::id).toList();
		for (PaymentNotice notice : search(PaymentNotice.class, "request", refs("Coverage", policyIds))) {
			if (notice.hasAmount() && notice.hasPaymentDate()) {
				contributions.add(new HmisFacts.Contribution(notice.getRequest().getReferenceElement().getIdPart(),
						date(notice.getPaymentDateElement()), notice.getAmount().getValue()));
			}
		}
		return new HmisFacts(families, policies, contributions, claims(month, districtIds, tree));
	}

	private List<HmisFacts.ClaimFact> claims(YearMonth month, Set<String> districtIds, LocationTree tree) {
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.add(Claim.SP_CREATED, new DateRangeParam(
				new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, month.atDay(1).toString()),
				new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, month.atEndOfMonth().toString())));
		map.addRevInclude(new Include("ClaimResponse:request"));
		map.addInclude(new Include("Claim:provider"));
		Map<String, Organization> facilities = new HashMap<>();
		Map<String, ClaimResponse> answers = new HashMap<>();
		List<Claim> claims = new ArrayList<>();
		for (IBaseResource found : daoRegistry.getResourceDao(Claim.class).search(map, new SystemRequestDetails()).getAllResources()) {
			if (found instanceof Claim claim) {
				claims.add(claim);
			} else if (found instanceof Organization facility) {
				facilities.put(facility.getIdElement().getIdPart(), facility);
			} else if (found instanceof ClaimResponse answer) {
				answers.put(answer.getRequest().getReferenceElement().getIdPart(), answer);
			}
		}
		List<HmisFacts.ClaimFact> facts = new ArrayList<>();
		for (Claim claim : claims) {
			Organization facility = facilities.get(claim.getProvider().getReferenceElement().getIdPart());
			Optional<String> district = Optional.ofNullable(facility).flatMap(HmisFactsReader::locationOf).flatMap(tree::districtOf);
			if (district.isEmpty() || !districtIds.contains(district.get())) {
				continue;
			}
			String id = claim.getIdElement().getIdPart();
			facts.add(new HmisFacts.ClaimFact(id, district.get(), ClaimWorkflow.status(claim).code(),
					date(claim.getCreatedElement()), claimed(claim), valuated(answers.get(id))));
		}
		return facts;
	}

	/** What the facility asks: the claim's total, or else its lines' quantity times unit price. */
	public static BigDecimal claimed(Claim claim) {
		if (claim.hasTotal() && claim.getTotal().hasValue()) {
			return claim.getTotal().getValue();
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (Claim.ItemComponent line : claim.getItem()) {
			if (line.hasUnitPrice() && line.getUnitPrice().hasValue()) {
				BigDecimal quantity = line.hasQuantity() && line.getQuantity().hasValue() ? line.getQuantity().getValue() : BigDecimal.ONE;
				sum = sum.add(quantity.multiply(line.getUnitPrice().getValue()));
			}
		}
		return sum;
	}

	/** The answer's total of status valuated (16); zero before valuation. */
	public static BigDecimal valuated(ClaimResponse answer) {
		if (answer == null) {
			return BigDecimal.ZERO;
		}
		return answer.getTotal().stream()
				.filter(total -> total.getCategory().getCoding().stream().anyMatch(coding ->
						ClaimProfiles.STATUS_SYSTEM.equals(coding.getSystem()) && "16".equals(coding.getCode())))
				.map(total -> total.getAmount().getValue())
				.findFirst().orElse(BigDecimal.ZERO);
	}

	private static HmisFacts.Policy policy(Coverage coverage) {
		Extension details = coverage.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		String family = null;
		String stage = null;
		LocalDate enrolDate = null;
		LocalDate effectiveDate = null;
		if (details != null) {
			for (Extension part : details.getExtension()) {
				switch (part.getUrl()) {
					case "family" -> family = ((Reference) part.getValue()).getReferenceElement().getIdPart();
					case "stage" -> stage = part.getValue().primitiveValue();
					case "enrolDate" -> enrolDate = date((BaseDateTimeType) part.getValue());
					case "effectiveDate" -> effectiveDate = date((BaseDateTimeType) part.getValue());
					default -> { }
				}
			}
		}
		return new HmisFacts.Policy(coverage.getIdElement().getIdPart(), family,
				PolicyBuilder.openImisStatus(coverage).code(), stage, enrolDate, effectiveDate,
				date(coverage.getPeriod().getEndElement()));
	}

	private static Optional<String> villageOf(Group family) {
		Extension address = family.getExtensionByUrl(EnrolmentProfiles.GROUP_ADDRESS);
		if (address != null && address.getValue() instanceof Address value) {
			Extension village = value.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
			if (village != null && village.getValue() instanceof Reference reference) {
				return Optional.of(reference.getReferenceElement().getIdPart());
			}
		}
		return Optional.empty();
	}

	private static Optional<String> locationOf(Organization facility) {
		for (Address address : facility.getAddress()) {
			Extension location = address.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
			if (location != null && location.getValue() instanceof Reference reference) {
				return Optional.of(reference.getReferenceElement().getIdPart());
			}
		}
		return Optional.empty();
	}

	/** The calendar date as written (a dateTime's own day, whatever its time zone). */
	public static LocalDate date(BaseDateTimeType value) {
		if (value == null || value.getValueAsString() == null || value.getValueAsString().length() < 10) {
			return null;
		}
		return LocalDate.parse(value.getValueAsString().substring(0, 10));
	}

	/** Every resource of the type whose parameter references one of the targets, searched in chunks. */
	private <T extends IBaseResource> List<T> search(Class<T> type, String parameter, List<String> targets) {
		List<T> found = new ArrayList<>();
		for (int from = 0; from < targets.size(); from += CHUNK) {
			ReferenceOrListParam anyOf = new ReferenceOrListParam();
			targets.subList(from, Math.min(targets.size(), from + CHUNK)).forEach(target -> anyOf.addOr(new ReferenceParam(target)));
			SearchParameterMap map = SearchParameterMap.newSynchronous().add(parameter, anyOf);
			for (IBaseResource resource : daoRegistry.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources()) {
				found.add(type.cast(resource));
			}
		}
		return found;
	}

	private static List<String> refs(String type, List<String> ids) {
		return ids.stream().map(id -> type + "/" + id).toList();
	}
}
