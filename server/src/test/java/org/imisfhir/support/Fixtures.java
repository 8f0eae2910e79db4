package org.imisfhir.support;

import java.util.Date;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.PaymentNotice;
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

	public static final String INSURANCE_NUMBER = "https://imis-fhir.org/fhir/sid/insurance-number";

	/** An insuree; relationship is the openIMIS code (1-8) or null for the head. */
	public static org.hl7.fhir.r4.model.Patient insuree(
			String number, String family, String given, String gender, String birthDate, boolean head, String relationship) {
		org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
		patient.addIdentifier().setSystem(INSURANCE_NUMBER).setValue(number)
				.setType(concept(IG_CODES + "openimis-identifiers", "Code"));
		patient.addName().setFamily(family).addGiven(given);
		patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.fromCode(gender));
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
		patient.addExtension(IG + "patient-is-head", new org.hl7.fhir.r4.model.BooleanType(head));
		if (relationship != null) {
			// As in the IG: the contact is the head of family, with the member's relationship to them
			patient.addContact().addRelationship(concept(IG_CODES + "patient-contact-relationship", relationship))
					.setName(new org.hl7.fhir.r4.model.HumanName().setFamily(family));
		}
		return patient;
	}

	/** A family living in a village, without members (they are added by $enrol). */
	public static org.hl7.fhir.r4.model.Group family(String villageReference, boolean poor) {
		org.hl7.fhir.r4.model.Group family = new org.hl7.fhir.r4.model.Group();
		family.setType(org.hl7.fhir.r4.model.Group.GroupType.PERSON).setActual(true);
		org.hl7.fhir.r4.model.Address address = new org.hl7.fhir.r4.model.Address();
		address.addExtension(IG + "address-location-reference", new Reference(villageReference));
		family.addExtension(IG + "group-address", address);
		family.addExtension(IG + "group-poverty-status", new org.hl7.fhir.r4.model.BooleanType(poor));
		family.addExtension(IG + "group-type", concept(IG_CODES + "group-type", "H"));
		return family;
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

	/** A PMTA0001 contribution in cash (receipt unique per product) paying a policy. */
	public static PaymentNotice contribution(String policyReference, String receipt, String amount, String payDate) {
		PaymentNotice notice = new PaymentNotice();
		notice.getMeta().addProfile("https://imis-fhir.org/fhir/StructureDefinition/imis-contribution");
		Extension details = notice.addExtension().setUrl("https://imis-fhir.org/fhir/StructureDefinition/contribution-details");
		details.addExtension("payType", new CodeType("C"));
		notice.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/contribution-receipt").setValue("PMTA0001|" + receipt);
		notice.setStatus(PaymentNotice.PaymentNoticeStatus.ACTIVE);
		notice.setCreated(new Date());
		notice.setRequest(new Reference(policyReference));
		notice.setPayment(new Reference().setIdentifier(new Identifier().setValue(receipt)));
		notice.setPaymentDateElement(new DateType(payDate));
		notice.setRecipient(new Reference("Organization/org-scheme"));
		notice.setAmount(new Money().setValue(new BigDecimal(amount)).setCurrency("XAF"));
		return notice;
	}
}
