package org.imisfhir.registry;

/** Canonical URLs and identifier systems of the administration registers. */
public final class RegistryProfiles {

	public static final String BASE = "https://imis-fhir.org/fhir/StructureDefinition/";
	public static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/";
	public static final String IG_CODES = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/";

	public static final String LOCATION = BASE + "imis-location";
	public static final String HEALTH_FACILITY = BASE + "imis-health-facility";
	public static final String PAYER = BASE + "imis-payer";
	public static final String INSURANCE_ORGANIZATION = BASE + "imis-insurance-organization";
	public static final String OFFICER = BASE + "imis-officer";
	public static final String ENROLMENT_OFFICER_ROLE = BASE + "imis-enrolment-officer-role";
	public static final String CLAIM_ADMINISTRATOR_ROLE = BASE + "imis-claim-administrator-role";

	public static final String LOCATION_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/location-code";
	public static final String FACILITY_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/hf-code";
	public static final String PAYER_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/payer-code";
	public static final String OFFICER_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/officer-code";
	public static final String LOCATION_TYPE_SYSTEM = IG_CODES + "location-type";

	public static final String ADDRESS_LOCATION = IG + "address-location-reference";
	public static final String SUBSTITUTE = IG + "practitioner-role-substitution-reference";
	public static final String CATCHMENT = BASE + "hf-catchment";
	public static final String CONTRACT_PERIOD = BASE + "hf-contract-period";

	private RegistryProfiles() {}
}
