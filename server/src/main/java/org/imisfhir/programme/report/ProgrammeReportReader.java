package org.imisfhir.programme.report;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.enrolment.InsureeRecords;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.hmis.HmisFactsReader;
import org.imisfhir.programme.VoucherImports;
import org.imisfhir.programme.Vouchers;
import org.imisfhir.programme.report.rules.ProgrammeFacts;
import org.imisfhir.registry.RegistryProfiles;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of a programme's month through HAPI's DAOs (FHIR searches): the programme's policies entered
 * in the month with their families' insurees, its claims claimed from the month's first day with their answers,
 * its vouchers and voucher-import records written since the month began, and the health facilities.
 */
@Component
public class ProgrammeReportReader {

	static final String FIRST_SERVICE_POINT = "https://imis-fhir.org/fhir/StructureDefinition/first-service-point";
	/** References searched together in one OR list. */
	static final int CHUNK = 100;

	private final DaoRegistry daos;

	public ProgrammeReportReader(DaoRegistry daos) {
		this.daos = daos;
	}

	/** A health facility: id, code and name. */
	public record Facility(String id, String code, String name) {}

	/** The facilities offering the programme, by id, in code order. */
	public Map<String, Facility> offering(String programmeId) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(
				"programme", new ReferenceParam("PlanDefinition/" + programmeId));
		List<Facility> facilities = new ArrayList<>();
		for (IBaseResource found : search(Organization.class, map)) {
			facilities.add(facility((Organization) found));
		}
		facilities.sort((a, b) -> String.valueOf(a.code()).compareTo(String.valueOf(b.code())));
		Map<String, Facility> byId = new LinkedHashMap<>();
		facilities.forEach(f -> byId.put(f.id(), f));
		return byId;
	}

	/** The facility of a code. */
	public Optional<Facility> facilityByCode(String code) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(
				Organization.SP_IDENTIFIER, new TokenParam(RegistryProfiles.FACILITY_CODE_SYSTEM, code));
		return search(Organization.class, map).stream().findFirst().map(found -> facility((Organization) found));
	}

	/** The Organization of an id, if it can be read. */
	public Optional<Organization> organization(String id) {
		try {
			return Optional.of(daos.getResourceDao(Organization.class).read(new org.hl7.fhir.r4.model.IdType("Organization", id),
					new SystemRequestDetails()));
		} catch (RuntimeException gone) {
			return Optional.empty();
		}
	}

	/** The facility of an id (code and name empty if it is gone). */
	public Facility facilityById(String id) {
		try {
			return facility(daos.getResourceDao(Organization.class).read(new org.hl7.fhir.r4.model.IdType("Organization", id),
					new SystemRequestDetails()));
		} catch (RuntimeException gone) {
			return new Facility(id, "", "");
		}
	}

	public ProgrammeFacts read(String programmeId, String programmeCode, YearMonth month) {
		return new ProgrammeFacts(enrolments(programmeCode, month), claims(programmeId, month),
				vouchers(programmeCode, month), imports(programmeCode, month));
	}

	private List<ProgrammeFacts.Enrolment> enrolments(String programmeCode, YearMonth month) {
		Map<String, Coverage> policies = new LinkedHashMap<>();
		Map<String, String> familyOf = new HashMap<>();
		for (IBaseResource found : search(Coverage.class,
				SearchParameterMap.newSynchronous("programme", new TokenParam(programmeCode)))) {
			Coverage policy = (Coverage) found;
			Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
			LocalDate enrolDate = details == null ? null : dateOf(details.getExtensionByUrl("enrolDate"));
			Extension family = details == null ? null : details.getExtensionByUrl("family");
			if (enrolDate != null && YearMonth.from(enrolDate).equals(month) && family != null
					&& family.getValue() instanceof Reference reference) {
				policies.put(policy.getIdElement().getIdPart(), policy);
				familyOf.put(policy.getIdElement().getIdPart(), reference.getReferenceElement().getIdPart());
			}
		}
		Map<String, List<Patient>> members = new HashMap<>();
		for (Patient insuree : byReference(Patient.class, "family-group", "Group", familyOf.values().stream().distinct().toList())) {
			if (InsureeRecords.status(insuree).map("AC"::equals).orElse(true)) {
				Reference family = (Reference) insuree.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE).getValue();
				members.computeIfAbsent(family.getReferenceElement().getIdPart(), id -> new ArrayList<>()).add(insuree);
			}
		}
		Map<String, Optional<String>> officerFacilities = new HashMap<>();
		List<ProgrammeFacts.Enrolment> enrolments = new ArrayList<>();
		for (Coverage policy : policies.values()) {
			Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
			Extension officer = details.getExtensionByUrl("officer");
			String officerFacility = officer != null && officer.getValue() instanceof Reference reference
					? officerFacilities.computeIfAbsent(reference.getReference(), ref -> officerFacility(reference)).orElse(null)
					: null;
			List<ProgrammeFacts.Beneficiary> beneficiaries = new ArrayList<>();
			for (Patient insuree : members.getOrDefault(familyOf.get(policy.getIdElement().getIdPart()), List.of())) {
				Extension point = insuree.getExtensionByUrl(FIRST_SERVICE_POINT);
				String firstServicePoint = point != null && point.getValue() instanceof Reference reference
						? reference.getReferenceElement().getIdPart() : null;
				beneficiaries.add(new ProgrammeFacts.Beneficiary(insuree.getIdElement().getIdPart(), firstServicePoint, officerFacility));
			}
			enrolments.add(new ProgrammeFacts.Enrolment(policy.getIdElement().getIdPart(), dateOf(details.getExtensionByUrl("enrolDate")),
					beneficiaries));
		}
		return enrolments;
	}

	/** The facility of an enrolling officer: its PractitionerRole's organization, or that of its practitioner's role. */
	private Optional<String> officerFacility(Reference officer) {
		String type = officer.getReferenceElement().getResourceType();
		List<PractitionerRole> roles = new ArrayList<>();
		if ("PractitionerRole".equals(type)) {
			try {
				roles.add(daos.getResourceDao(PractitionerRole.class).read(officer.getReferenceElement().toUnqualifiedVersionless(),
						new SystemRequestDetails()));
			} catch (RuntimeException gone) {
				return Optional.empty();
			}
		} else if ("Practitioner".equals(type)) {
			for (IBaseResource found : search(PractitionerRole.class, SearchParameterMap.newSynchronous(
					PractitionerRole.SP_PRACTITIONER, new ReferenceParam(officer.getReferenceElement().toUnqualifiedVersionless().getValue())))) {
				roles.add((PractitionerRole) found);
			}
		}
		return roles.stream().filter(PractitionerRole::hasOrganization)
				.map(role -> role.getOrganization().getReferenceElement().getIdPart()).findFirst();
	}

	private List<ProgrammeFacts.ClaimFact> claims(String programmeId, YearMonth month) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("programme", new ReferenceParam("PlanDefinition/" + programmeId));
		// a claim is never claimed before its care, so the month's claims and lines are on claims claimed from its first day
		map.add(Claim.SP_CREATED, new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, month.atDay(1).toString()), null));
		map.addRevInclude(new Include("ClaimResponse:request"));
		List<Claim> claims = new ArrayList<>();
		Map<String, ClaimResponse> answers = new HashMap<>();
		for (IBaseResource found : search(Claim.class, map)) {
			if (found instanceof Claim claim) {
				claims.add(claim);
			} else if (found instanceof ClaimResponse answer) {
				answers.put(answer.getRequest().getReferenceElement().getIdPart(), answer);
			}
		}
		List<ProgrammeFacts.ClaimFact> facts = new ArrayList<>();
		for (Claim claim : claims) {
			String id = claim.getIdElement().getIdPart();
			ClaimStatus status = ClaimWorkflow.status(claim);
			LocalDate claimDate = HmisFactsReader.date(claim.getCreatedElement());
			LocalDate dateFrom = claim.getBillablePeriod().hasStart() ? HmisFactsReader.date(claim.getBillablePeriod().getStartElement()) : claimDate;
			List<LocalDate> lines = new ArrayList<>();
			for (Claim.ItemComponent line : claim.getItem()) {
				lines.add(line.hasServicedDateType() ? HmisFactsReader.date(line.getServicedDateType()) : dateFrom);
			}
			boolean valuated = status == ClaimStatus.VALUATED;
			facts.add(new ProgrammeFacts.ClaimFact(id, claim.getProvider().getReferenceElement().getIdPart(), claimDate,
					status != ClaimStatus.ENTERED, valuated, HmisFactsReader.claimed(claim),
					valuated ? HmisFactsReader.valuated(answers.get(id)) : java.math.BigDecimal.ZERO, lines));
		}
		return facts;
	}

	private List<ProgrammeFacts.Voucher> vouchers(String programmeCode, YearMonth month) {
		List<ProgrammeFacts.Voucher> vouchers = new ArrayList<>();
		for (IBaseResource found : basics("voucher", month)) {
			Basic voucher = (Basic) found;
			Extension details = voucher.getExtensionByUrl(Vouchers.DETAILS);
			if (details == null || !programmeCode.equals(text(details.getExtensionByUrl("programme")))) {
				continue;
			}
			List<ProgrammeFacts.StatusChange> history = new ArrayList<>();
			for (Extension change : voucher.getExtensionsByUrl(Vouchers.STATUS_CHANGE)) {
				history.add(new ProgrammeFacts.StatusChange(text(change.getExtensionByUrl("status")), dateOf(change.getExtensionByUrl("at"))));
			}
			vouchers.add(new ProgrammeFacts.Voucher(Vouchers.number(voucher).orElse(voucher.getIdElement().getIdPart()),
					details.getExtensionByUrl("importId") != null, history));
		}
		return vouchers;
	}

	private List<ProgrammeFacts.VoucherImport> imports(String programmeCode, YearMonth month) {
		List<ProgrammeFacts.VoucherImport> imports = new ArrayList<>();
		for (IBaseResource found : basics(VoucherImports.KIND, month)) {
			Basic record = (Basic) found;
			if (VoucherImports.isRecord(record) && VoucherImports.part(record, "programme").map(programmeCode::equals).orElse(false)) {
				Extension at = record.getExtensionByUrl(VoucherImports.EXTENSION).getExtensionByUrl("at");
				imports.add(new ProgrammeFacts.VoucherImport(record.getIdElement().getIdPart(), dateOf(at),
						VoucherImports.part(record, "duplicate").map(Integer::parseInt).orElse(0)));
			}
		}
		return imports;
	}

	/** The Basic resources of a kind written since the day before the month began (a change in the month writes them). */
	private List<IBaseResource> basics(String kind, YearMonth month) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("code", new TokenParam(Vouchers.KIND_SYSTEM, kind));
		map.setLastUpdated(new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS,
				month.atDay(1).minusDays(1).toString()), null));
		return search(Basic.class, map);
	}

	private static Facility facility(Organization organization) {
		String code = organization.getIdentifier().stream()
				.filter(i -> RegistryProfiles.FACILITY_CODE_SYSTEM.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse("");
		return new Facility(organization.getIdElement().getIdPart(), code, organization.getName());
	}

	private static LocalDate dateOf(Extension extension) {
		return extension != null && extension.getValue() instanceof BaseDateTimeType value ? HmisFactsReader.date(value) : null;
	}

	private static String text(Extension extension) {
		return extension == null || extension.getValue() == null ? null : extension.getValue().primitiveValue();
	}

	private List<IBaseResource> search(Class<? extends IBaseResource> type, SearchParameterMap map) {
		return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
	}

	/** Every resource of the type whose parameter references one of the targets, searched in chunks. */
	private <T extends IBaseResource> List<T> byReference(Class<T> type, String parameter, String targetType, List<String> ids) {
		List<T> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			ReferenceOrListParam anyOf = new ReferenceOrListParam();
			ids.subList(from, Math.min(ids.size(), from + CHUNK)).forEach(id -> anyOf.addOr(new ReferenceParam(targetType + "/" + id)));
			for (IBaseResource resource : search(type, SearchParameterMap.newSynchronous().add(parameter, anyOf))) {
				found.add(type.cast(resource));
			}
		}
		return found;
	}
}
