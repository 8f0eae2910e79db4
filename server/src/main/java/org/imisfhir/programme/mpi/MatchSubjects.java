package org.imisfhir.programme.mpi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.programme.mpi.rules.MatchSubject;

/** Reads what the match scorer compares from a Patient. */
final class MatchSubjects {

	private MatchSubjects() {}

	/**
	 * @param villageNames name of a village (Location id), for insurees whose address names the village only by
	 *                     reference
	 */
	static MatchSubject of(Patient patient, Function<String, String> villageNames) {
		Set<String> identifiers = new LinkedHashSet<>();
		patient.getIdentifier().stream().filter(i -> i.hasSystem() && i.hasValue())
				.forEach(i -> identifiers.add(i.getSystem() + "|" + i.getValue()));
		HumanName name = officialName(patient);
		String family = name == null ? null : name.getFamily();
		List<String> given = name == null ? List.of() : name.getGiven().stream().map(StringType::getValue).toList();
		String birthDate = patient.hasBirthDateElement() ? patient.getBirthDateElement().getValueAsString() : null;
		String gender = patient.hasGender() ? patient.getGender().toCode() : null;
		String village = village(patient);
		String villageName = village != null ? villageNames.apply(village) : town(patient);
		return new MatchSubject(identifiers, family, given, birthDate, gender, village, villageName);
	}

	static HumanName officialName(Patient patient) {
		return patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
				.orElse(patient.getName().stream().findFirst().orElse(null));
	}

	/** The id of the current village (address extension address-location-reference), or null. */
	static String village(Patient patient) {
		for (Address address : patient.getAddress()) {
			Extension location = address.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
			if (location != null && location.getValue() instanceof Reference reference && reference.hasReference()) {
				return reference.getReferenceElement().getIdPart();
			}
		}
		return null;
	}

	/** A village named in the address text when it has no reference: city, else district. */
	private static String town(Patient patient) {
		for (Address address : patient.getAddress()) {
			if (address.hasCity()) {
				return address.getCity();
			}
			if (address.hasDistrict()) {
				return address.getDistrict();
			}
		}
		return null;
	}
}
