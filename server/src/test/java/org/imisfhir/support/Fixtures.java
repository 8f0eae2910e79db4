package org.imisfhir.support;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/** Small valid resources for tests. */
public final class Fixtures {

	public static final String LOCATION_TYPE = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type";
	public static final String LOCATION_CODE = "https://imis-fhir.org/fhir/sid/location-code";
	public static final String LOCATION_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-location";
	public static final String ERROR_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-error";
	public static final String REJECTION_REASONS =
			"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-rejection-reasons";

	public static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/";
	public static final String IG_CODES = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/";
	public static final String PROFILES = "https://imis-fhir.org/fhir/StructureDefinition/";
	public static final String REGISTRY_ERRORS = "https://imis-fhir.org/fhir/CodeSystem/imis-registry-error";

	private Fixtures() {}

	/** A health facility of the given level (D, C, H) in a district. */
	public static Organization facility(String code, String name, String level, String districtReference) {
		Organization facility = new Organization();
		facility.getMeta().addProfile(PROFILES + "imis-health-facility");
		facility.addExtension(IG + "organization-hf-level", concept(IG_CODES + "organization-hf-level", level));
		facility.addExtension(IG + "organization-hf-legal-form", concept(IG_CODES + "organization-hf-legal-form", "G"));
		facility.addExtension(IG + "organization-hf-care-type", concept(IG_CODES + "organization-hf-care-type", "B"));
		facility.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/hf-code").setValue(code);
		facility.addType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/organization-type").setCode("prov");
		facility.setName(name);
		facility.addAddress().addLine(name)
				.addExtension(new Extension(IG + "address-location-reference", new Reference(districtReference)));
		return facility;
	}

	/** A catchment entry of a facility. */
	public static Extension catchment(String villageReference, String percentage) {
		Extension catchment = new Extension(PROFILES + "hf-catchment");
		catchment.addExtension("village", new Reference(villageReference));
		catchment.addExtension("percentage", new org.hl7.fhir.r4.model.DecimalType(percentage));
		return catchment;
	}

	/** An enrolment officer (EO) or claim administrator (CA). */
	public static Practitioner officer(String code, String family, String qualification) {
		Practitioner officer = new Practitioner();
		officer.getMeta().addProfile(PROFILES + "imis-officer");
		officer.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/officer-code").setValue(code);
		officer.addName().setFamily(family).addGiven("Test");
		officer.addQualification().setCode(concept(IG_CODES + "practitioner-qualification-type", qualification));
		return officer;
	}

	/** An enrolment officer's assignment to villages. */
	public static PractitionerRole enrolmentOfficerRole(String practitionerReference, String... villageReferences) {
		PractitionerRole role = new PractitionerRole();
		role.getMeta().addProfile(PROFILES + "imis-enrolment-officer-role");
		role.setPractitioner(new Reference(practitionerReference));
		role.addCode(concept(IG_CODES + "practitioner-qualification-type", "EO"));
		for (String village : villageReferences) {
			role.addLocation(new Reference(village));
		}
		return role;
	}

	public static CodeableConcept concept(String system, String code) {
		return new CodeableConcept(new Coding(system, code, null));
	}

	/** A location of the given level (R, D, W or V). */
	public static Location location(String code, String name, String level, String parentReference) {
		Location location = new Location();
		location.addIdentifier().setSystem(LOCATION_CODE).setValue(code);
		location.setName(name);
		location.setStatus(Location.LocationStatus.ACTIVE);
		location.addType().addCoding().setSystem(LOCATION_TYPE).setCode(level);
		if (parentReference != null) {
			location.getPartOf().setReference(parentReference);
		}
		return location;
	}
}
