package org.imisfhir.support;

import org.hl7.fhir.r4.model.Location;

/** Small valid resources for tests. */
public final class Fixtures {

	public static final String LOCATION_TYPE = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type";
	public static final String LOCATION_CODE = "https://imis-fhir.org/fhir/sid/location-code";
	public static final String LOCATION_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-location";
	public static final String ERROR_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-error";
	public static final String REJECTION_REASONS =
			"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-rejection-reasons";

	private Fixtures() {}

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
