package org.imisfhir.conformance.openimis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;

/**
 * Maps the shapes the openIMIS R4 IG and the openIMIS back end send onto ours, adding what our rules read and keeping
 * what the client sent, so that a read answers in the IG's form (decision 0025 lists every mapping):
 * <ul>
 * <li>{@code meta.profile}: an IG profile in page-URL or double-slash form becomes its canonical; our profile for it is
 * declared too;</li>
 * <li>identifiers typed {@code openimis-identifiers} without a system get ours: {@code Code} (and the back end's
 * {@code SB} on Patient) the register's code system, {@code UUID} our openIMIS-UUID system; the back end's {@code ACSN}
 * type becomes the IG's {@code DBID};</li>
 * <li>Location: the IG's level in {@code physicalType} (location-type) is copied to {@code type};</li>
 * <li>Group: a family type coded in FHIR's {@code group-type} system with an openIMIS code (H, C, ...) is recoded in
 * the IG's {@code CodeSystem/group-type};</li>
 * <li>InsurancePlan: the IG's repeated {@code insurance-plan-period} and {@code insurance-plan-discount}, told apart by
 * order, become our named {@code product-periods} and {@code product-discount} ({@link IgInsurancePlanMapper});</li>
 * <li>ActivityDefinition and Medication: a frequency with period 0 (openIMIS's "none") is dropped; Medication: an
 * {@code amount} with a numerator only gets denominator 1;</li>
 * <li>CoverageEligibilityRequest: an item category in {@code claim-item-category} (the IG's example) or
 * {@code coverage-item-category} (the IG's profile) is coded in the other system too.</li>
 * </ul>
 * Plain Java over the resource; it changes nothing on a resource that does not use these shapes.
 */
public final class IgShapeNormaliser {

	static final String IDENTIFIER_TYPES = IgProfiles.IG + "CodeSystem/openimis-identifiers";
	static final String OPENIMIS_UUID_SYSTEM = "https://imis-fhir.org/fhir/sid/openimis-uuid";
	static final String LOCATION_TYPE = IgProfiles.IG + "CodeSystem/location-type";
	static final String IG_GROUP_TYPE = IgProfiles.IG + "CodeSystem/group-type";
	static final String FHIR_GROUP_TYPE = "http://hl7.org/fhir/group-type";
	static final String GROUP_TYPE_EXTENSION = IgProfiles.IG_PROFILE_BASE + "group-type";
	static final String MEDICATION_FREQUENCY = IgProfiles.IG_PROFILE_BASE + "medication-frequency";
	static final String CLAIM_ITEM_CATEGORY = IgProfiles.IG + "CodeSystem/claim-item-category";
	static final String COVERAGE_ITEM_CATEGORY = IgProfiles.IG + "CodeSystem/coverage-item-category";
	private static final Set<String> IG_FAMILY_TYPES = Set.of("C", "G", "H", "O", "P", "S", "T");
	private static final String SID = "https://imis-fhir.org/fhir/sid/";

	/** Applies every mapping; returns true when the resource declared an IG profile or used an IG shape. */
	public boolean normalise(Resource resource) {
		boolean changed = normaliseProfiles(resource);
		changed |= normaliseIdentifiers(resource);
		if (resource instanceof Location location) {
			changed |= copyLevelToType(location);
		} else if (resource instanceof Group group) {
			changed |= recodeFamilyType(group);
		} else if (resource instanceof ActivityDefinition service) {
			changed |= dropZeroFrequency(service);
		} else if (resource instanceof Medication item) {
			changed |= dropZeroFrequency(item) | completeAmount(item);
		} else if (resource instanceof InsurancePlan plan) {
			changed |= IgInsurancePlanMapper.map(plan);
		} else if (resource instanceof CoverageEligibilityRequest request) {
			changed |= codeItemCategories(request);
		}
		return changed;
	}

	boolean normaliseProfiles(Resource resource) {
		boolean changed = false;
		List<String> ours = new ArrayList<>();
		for (CanonicalType profile : resource.getMeta().getProfile()) {
			String url = profile.getValue();
			if (!IgProfiles.isIgProfile(url)) {
				continue;
			}
			changed = true;
			profile.setValue(IgProfiles.canonical(url));
			IgProfiles.ourProfile(url).ifPresent(ours::add);
		}
		// a declaration sent in two forms is kept once
		List<String> seen = new ArrayList<>();
		resource.getMeta().getProfile().removeIf(p -> {
			boolean duplicate = seen.contains(p.getValue());
			seen.add(p.getValue());
			return duplicate;
		});
		for (String url : ours) {
			if (!resource.getMeta().hasProfile(url)) {
				resource.getMeta().addProfile(url);
			}
		}
		return changed;
	}

	boolean normaliseIdentifiers(Resource resource) {
		boolean changed = false;
		for (Identifier identifier : identifiers(resource)) {
			Coding type = igType(identifier);
			if (type == null) {
				continue;
			}
			changed = true;
			if ("ACSN".equals(type.getCode())) {
				type.setCode("DBID");
			}
			if (identifier.hasSystem()) {
				continue;
			}
			String code = type.getCode();
			if ("Code".equals(code) || ("SB".equals(code) && "Patient".equals(resource.fhirType()))) {
				String system = codeSystemOf(resource);
				if (system != null) {
					identifier.setSystem(system);
				}
			} else if ("UUID".equals(code)) {
				identifier.setSystem(OPENIMIS_UUID_SYSTEM);
			}
		}
		return changed;
	}

	/** Our code system for a register's {@code Code} identifier; null for a type without one. */
	static String codeSystemOf(Resource resource) {
		return switch (resource.fhirType()) {
			case "Location" -> SID + "location-code";
			case "Organization" -> organizationCodeSystem((Organization) resource);
			case "Practitioner" -> SID + "officer-code";
			case "Patient" -> SID + "insurance-number";
			case "Group" -> SID + "family-code";
			case "InsurancePlan" -> SID + "product-code";
			case "Medication" -> SID + "item-code";
			case "ActivityDefinition" -> SID + "service-code";
			case "Claim" -> SID + "claim-code";
			default -> null;
		};
	}

	private static String organizationCodeSystem(Organization organization) {
		for (CodeableConcept type : organization.getType()) {
			for (Coding coding : type.getCoding()) {
				if ("prov".equals(coding.getCode())) {
					return SID + "hf-code";
				}
				if ("bus".equals(coding.getCode()) || "pay".equals(coding.getCode())) {
					return SID + "payer-code";
				}
			}
		}
		return null;
	}

	private static Coding igType(Identifier identifier) {
		for (Coding coding : identifier.getType().getCoding()) {
			String system = coding.getSystem();
			if (system != null && (system.equals(IDENTIFIER_TYPES) || system.replace("_ig//", "_ig/").equals(IDENTIFIER_TYPES))) {
				coding.setSystem(IDENTIFIER_TYPES);
				return coding;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static List<Identifier> identifiers(Resource resource) {
		var child = resource.getNamedProperty("identifier");
		if (child == null) {
			return List.of();
		}
		List<Identifier> identifiers = new ArrayList<>();
		child.getValues().forEach(value -> {
			if (value instanceof Identifier identifier) {
				identifiers.add(identifier);
			}
		});
		return identifiers;
	}

	boolean copyLevelToType(Location location) {
		if (location.hasType()) {
			return false;
		}
		for (Coding coding : location.getPhysicalType().getCoding()) {
			if (LOCATION_TYPE.equals(coding.getSystem())) {
				location.addType(new CodeableConcept(coding.copy()));
				return true;
			}
		}
		return false;
	}

	boolean recodeFamilyType(Group group) {
		boolean changed = false;
		for (Extension extension : group.getExtensionsByUrl(GROUP_TYPE_EXTENSION)) {
			if (extension.getValue() instanceof CodeableConcept concept) {
				for (Coding coding : concept.getCoding()) {
					if (FHIR_GROUP_TYPE.equals(coding.getSystem()) && IG_FAMILY_TYPES.contains(coding.getCode())) {
						coding.setSystem(IG_GROUP_TYPE);
						changed = true;
					}
				}
			}
		}
		return changed;
	}

	/**
	 * openIMIS writes "no frequency" as a Timing with period 0, which in FHIR says nothing (and our profiles refuse);
	 * it is dropped. A real frequency (period above 0 days) is kept.
	 */
	boolean dropZeroFrequency(ActivityDefinition service) {
		if (service.hasTimingTiming() && isZeroPeriod(service.getTimingTiming())) {
			service.setTiming(null);
			return true;
		}
		return false;
	}

	boolean dropZeroFrequency(Medication item) {
		return item.getExtension().removeIf(e -> MEDICATION_FREQUENCY.equals(e.getUrl()) && e.getValue() instanceof Timing timing
				&& isZeroPeriod(timing));
	}

	private static boolean isZeroPeriod(Timing timing) {
		return timing.getRepeat().hasPeriod() && timing.getRepeat().getPeriod().signum() == 0;
	}

	/**
	 * The IG's item gives its package size as {@code amount.numerator} alone, which FHIR's Ratio forbids (rat-1):
	 * it is read as that many per one package (denominator 1).
	 */
	boolean completeAmount(Medication item) {
		if (item.hasAmount() && item.getAmount().hasNumerator() && !item.getAmount().hasDenominator()) {
			item.getAmount().setDenominator(new Quantity().setValue(1));
			return true;
		}
		return false;
	}

	boolean codeItemCategories(CoverageEligibilityRequest request) {
		boolean changed = false;
		for (CoverageEligibilityRequest.DetailsComponent item : request.getItem()) {
			changed |= addTwin(item.getCategory(), CLAIM_ITEM_CATEGORY, COVERAGE_ITEM_CATEGORY);
			changed |= addTwin(item.getCategory(), COVERAGE_ITEM_CATEGORY, CLAIM_ITEM_CATEGORY);
		}
		return changed;
	}

	/** A category coded in one of the two systems (same codes: item, service) is coded in the other too. */
	private static boolean addTwin(CodeableConcept category, String from, String to) {
		Coding source = category.getCoding().stream().filter(c -> from.equals(c.getSystem())).findFirst().orElse(null);
		if (source == null || category.getCoding().stream().anyMatch(c -> to.equals(c.getSystem()))) {
			return false;
		}
		category.addCoding(new Coding(to, source.getCode(), source.getDisplay()));
		return true;
	}
}
