package org.imisfhir.claim;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.claim.rules.CareType;
import org.imisfhir.claim.rules.Catalogue;
import org.imisfhir.claim.rules.CatalogueEntry;
import org.imisfhir.claim.rules.ClaimContext;
import org.imisfhir.claim.rules.Facility;
import org.imisfhir.claim.rules.FacilityLevel;
import org.imisfhir.claim.rules.Gender;
import org.imisfhir.claim.rules.Insuree;
import org.imisfhir.claim.rules.InsureeHistory;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.PriceListEntry;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.RegistryProfiles;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.imisfhir.registry.catalogue.CatalogueStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads what the claim rules read for one claim: the insuree and their family's policies with their products
 * ({@link MemberCoverReader}), the facility with the price-list entries of the claimed items and services, the
 * catalogue entries valid on the date of care, and the insuree's history ({@link InsureeHistoryReader}).
 */
@Component
public class ClaimContextLoader {

	static final String HF_LEVEL = RegistryProfiles.IG + "organization-hf-level";
	static final String HF_CARE_TYPE = RegistryProfiles.IG + "organization-hf-care-type";

	private final DaoRegistry daos;
	private final MemberCoverReader covers;
	private final InsureeHistoryReader histories;
	private final ClaimCatalogueCache catalogue;
	private final int ageOfMajority;

	public ClaimContextLoader(DaoRegistry daos, MemberCoverReader covers, InsureeHistoryReader histories,
			ClaimCatalogueCache catalogue, ImisProperties properties) {
		this.daos = daos;
		this.covers = covers;
		this.histories = histories;
		this.catalogue = catalogue;
		this.ageOfMajority = properties.getEnrolment().getAgeOfMajority();
	}

	/** A claim line's item or service and the catalogue resource behind it (null when the code is unknown). */
	public record LineSource(MedicalRef ref, IdType resource) {}

	/** The rules' context with what the adjudication needs to write back. */
	public record LoadedClaim(ClaimContext context, List<LineSource> lines, Patient patient, Organization facility) {}

	public LoadedClaim load(Claim claim, List<ReviewedLine> reviewed) {
		Patient patient = patient(claim.getPatient());
		Organization facility = facility(claim.getProvider());
		List<LineSource> sources = new ArrayList<>();
		for (int index = 0; index < claim.getItem().size(); index++) {
			sources.add(lineSource(claim.getItem().get(index)));
		}
		org.imisfhir.claim.rules.Claim rulesClaim = ClaimReader.read(claim, sources, reviewed);
		LocalDate target = rulesClaim.targetDate() != null ? rulesClaim.targetDate() : LocalDate.now();
		Catalogue catalogue = new Catalogue(catalogueEntries(sources, target));
		Facility rulesFacility = new Facility(level(facility), careType(facility), priceList(facility, sources, target));
		String insureeId = "Patient/" + patient.getIdElement().getIdPart();
		Optional<String> family = MemberCoverReader.familyOf(patient);
		List<Coverage> coverages = covers.policiesOf(patient);
		List<InsureePolicy> policies = covers.insureePolicies(coverages, patient, target);
		InsureeHistory history = histories.history(claim.getIdElement().hasIdPart() ? "Claim/" + claim.getIdElement().getIdPart() : null,
				insureeId, coverages);
		Insuree insuree = new Insuree(insureeId, birthDate(patient), gender(patient), (!patient.hasActive() || patient.getActive()) && family.isPresent());
		ClaimContext context = new ClaimContext(rulesClaim, insuree, rulesFacility, catalogue, policies, history, ageOfMajority);
		return new LoadedClaim(context, sources, patient, facility);
	}

	/** The insuree a reference names: by id, or by insurance number when the reference carries an identifier. */
	public Patient patient(Reference reference) {
		try {
			if (reference.hasReference()) {
				return daos.getResourceDao(Patient.class).read(new IdType(reference.getReference()).toUnqualifiedVersionless(), new SystemRequestDetails());
			}
			if (reference.hasIdentifier()) {
				String system = reference.getIdentifier().hasSystem() ? reference.getIdentifier().getSystem() : EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM;
				List<IBaseResource> found = daos.getResourceDao(Patient.class)
						.search(SearchParameterMap.newSynchronous("identifier", new TokenParam(system, reference.getIdentifier().getValue())),
								new SystemRequestDetails())
						.getResources(0, 2);
				if (found.size() == 1) {
					return (Patient) found.get(0);
				}
			}
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			// reported below
		}
		throw ImisRuleException.businessRule(ClaimViolation.PATIENT_UNKNOWN, describe(reference));
	}

	private Organization facility(Reference reference) {
		try {
			if (reference.hasReference()) {
				return daos.getResourceDao(Organization.class).read(new IdType(reference.getReference()).toUnqualifiedVersionless(), new SystemRequestDetails());
			}
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			// reported below
		}
		throw ImisRuleException.businessRule(ClaimViolation.FACILITY_UNKNOWN, describe(reference));
	}

	static String describe(Reference reference) {
		if (reference.hasReference()) {
			return reference.getReference();
		}
		return reference.hasIdentifier() ? reference.getIdentifier().getValue() : "";
	}

	/** The item or service of a line: its code (productOrService), else the resource of claim-item-reference. */
	private LineSource lineSource(Claim.ItemComponent item) {
		for (Coding coding : item.getProductOrService().getCoding()) {
			if (CatalogueCodes.SERVICE_CODE.equals(coding.getSystem()) && coding.hasCode()) {
				return new LineSource(MedicalRef.service(coding.getCode()), findByCode(ActivityDefinition.class, CatalogueCodes.SERVICE_CODE, coding.getCode()));
			}
			if (CatalogueCodes.ITEM_CODE.equals(coding.getSystem()) && coding.hasCode()) {
				return new LineSource(MedicalRef.item(coding.getCode()), findByCode(Medication.class, CatalogueCodes.ITEM_CODE, coding.getCode()));
			}
		}
		Extension reference = item.getExtensionByUrl(ClaimProfiles.ITEM_REFERENCE);
		if (reference != null && reference.getValue() instanceof Reference target && target.hasReference()) {
			IdType id = new IdType(target.getReference()).toUnqualifiedVersionless();
			try {
				if ("ActivityDefinition".equals(id.getResourceType())) {
					ActivityDefinition service = catalogue.read(ActivityDefinition.class, id);
					return new LineSource(MedicalRef.service(CatalogueStore.code(service, CatalogueCodes.SERVICE_CODE)), id);
				}
				if ("Medication".equals(id.getResourceType())) {
					Medication medication = catalogue.read(Medication.class, id);
					return new LineSource(MedicalRef.item(CatalogueStore.code(medication, CatalogueCodes.ITEM_CODE)), id);
				}
			} catch (ResourceNotFoundException | ResourceGoneException e) {
				// an unknown item or service: the line is rejected with reason 1
				return new LineSource(new MedicalRef("ActivityDefinition".equals(id.getResourceType())
						? org.imisfhir.claim.rules.MedicalKind.SERVICE : org.imisfhir.claim.rules.MedicalKind.ITEM, id.getValue()), null);
			}
		}
		throw ImisRuleException.businessRule(ClaimViolation.LINE_UNIDENTIFIED, item.getSequence(),
				CatalogueCodes.SERVICE_CODE, CatalogueCodes.ITEM_CODE);
	}

	private IdType findByCode(Class<? extends IBaseResource> type, String system, String code) {
		return catalogue.idOf(type, system, code).orElse(null);
	}

	private List<CatalogueEntry> catalogueEntries(List<LineSource> sources, LocalDate target) {
		Map<MedicalRef, CatalogueEntry> entries = new LinkedHashMap<>();
		for (LineSource source : sources) {
			if (source.resource() == null || entries.containsKey(source.ref())) {
				continue;
			}
			if (source.ref().isService()) {
				ActivityDefinition service = catalogue.read(ActivityDefinition.class, source.resource());
				CatalogueEntry entry = CatalogueEntryReader.service(source.ref().code(), service);
				if (!entry.validOn(target)) {
					entry = serviceVersionOn(source, target).orElse(entry);
				}
				entries.put(source.ref(), entry);
			} else {
				Medication item = catalogue.read(Medication.class, source.resource());
				entries.put(source.ref(), CatalogueEntryReader.item(source.ref().code(), item));
			}
		}
		return new ArrayList<>(entries.values());
	}

	/** An earlier version of a service valid on the date of care (a price change keeps the old price for past care). */
	private Optional<CatalogueEntry> serviceVersionOn(LineSource source, LocalDate target) {
		List<ActivityDefinition> versions = new ArrayList<>();
		for (IBaseResource version : daos.getResourceDao(ActivityDefinition.class)
				.history(source.resource(), null, null, null, new SystemRequestDetails()).getAllResources()) {
			versions.add((ActivityDefinition) version);
		}
		return org.imisfhir.registry.catalogue.PriceHistory.versionValidOn(versions, target)
				.map(version -> CatalogueEntryReader.service(source.ref().code(), version));
	}

	public int ageOfMajority() {
		return ageOfMajority;
	}

	/** The claimed items and services the facility's price lists (its own, and its district's) hold on the date. */
	private List<PriceListEntry> priceList(Organization facility, List<LineSource> sources, LocalDate target) {
		List<String> scopes = new ArrayList<>();
		scopes.add("Organization/" + facility.getIdElement().getIdPart());
		district(facility).ifPresent(scopes::add);
		List<ChargeItemDefinition> lists = new ArrayList<>();
		for (ChargeItemDefinition list : catalogue.priceLists(scopes)) {
			if (list.getStatus() == Enumerations.PublicationStatus.ACTIVE && covers(list, target)) {
				lists.add(list);
			}
		}
		List<PriceListEntry> entries = new ArrayList<>();
		for (LineSource source : sources) {
			if (source.resource() == null || entries.stream().anyMatch(e -> e.ref().equals(source.ref()))) {
				continue;
			}
			String wanted = source.resource().getResourceType() + "/" + source.resource().getIdPart();
			for (ChargeItemDefinition list : lists) {
				Optional<PriceListEntry> entry = list.getPropertyGroup().stream()
						.filter(group -> {
							Extension e = group.getExtensionByUrl(CatalogueCodes.PRICE_LIST_ENTRY);
							return e != null && wanted.equals(new IdType(((Reference) e.getValue()).getReference()).toUnqualifiedVersionless().getValue());
						})
						.findFirst()
						.map(group -> new PriceListEntry(source.ref(), group.getPriceComponent().isEmpty() ? null
								: group.getPriceComponentFirstRep().getAmount().getValue()));
				if (entry.isPresent()) {
					entries.add(entry.get());
					break;
				}
			}
		}
		return entries;
	}

	private static boolean covers(ChargeItemDefinition list, LocalDate date) {
		LocalDate start = CatalogueEntryReader.date(list.getEffectivePeriod().getStartElement());
		LocalDate end = CatalogueEntryReader.date(list.getEffectivePeriod().getEndElement());
		return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
	}

	private static Optional<String> district(Organization facility) {
		return facility.getAddress().stream()
				.map(address -> address.getExtensionByUrl(RegistryProfiles.ADDRESS_LOCATION))
				.filter(e -> e != null && e.getValue() instanceof Reference)
				.map(e -> new IdType(((Reference) e.getValue()).getReference()).toUnqualifiedVersionless().getValue())
				.findFirst();
	}

	static FacilityLevel level(Organization facility) {
		String code = code(facility, HF_LEVEL);
		for (FacilityLevel level : FacilityLevel.values()) {
			if (level.code().equals(code)) {
				return level;
			}
		}
		return FacilityLevel.DISPENSARY;
	}

	static CareType careType(Organization facility) {
		String code = code(facility, HF_CARE_TYPE);
		for (CareType type : CareType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		return CareType.BOTH;
	}

	private static String code(Organization facility, String url) {
		Extension extension = facility.getExtensionByUrl(url);
		return extension == null ? null : ((CodeableConcept) extension.getValue()).getCodingFirstRep().getCode();
	}

	public static Optional<String> family(Patient patient) {
		return MemberCoverReader.familyOf(patient);
	}

	public static LocalDate birthDateOf(Patient patient) {
		return birthDate(patient);
	}


	private static LocalDate birthDate(Patient patient) {
		return patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString().substring(0, 10)) : LocalDate.of(1900, 1, 1);
	}

	private static Gender gender(Patient patient) {
		if (patient.getGender() == null) {
			return Gender.OTHER;
		}
		return switch (patient.getGender()) {
			case MALE -> Gender.MALE;
			case FEMALE -> Gender.FEMALE;
			default -> Gender.OTHER;
		};
	}
}
