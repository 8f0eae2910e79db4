package org.imisfhir.enrolment;

/** Canonical URLs and identifier systems of families and insurees. */
public final class EnrolmentProfiles {

	public static final String INSUREE = "https://imis-fhir.org/fhir/StructureDefinition/imis-insuree";
	public static final String FAMILY = "https://imis-fhir.org/fhir/StructureDefinition/imis-family";
	public static final String INSURANCE_NUMBER_SYSTEM = "https://imis-fhir.org/fhir/sid/insurance-number";
	public static final String FAMILY_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/family-code";
	/** Temporary insurance numbers of insurees enrolled offline, kept with use old once the permanent one is given. */
	public static final String TEMPORARY_NUMBER_SYSTEM = "https://imis-fhir.org/fhir/sid/temporary-insurance-number";
	/** The identifier an offline client gives a family it enrols, so that a re-sent enrolment is recognised. */
	public static final String OFFLINE_ENROLMENT_SYSTEM = "https://imis-fhir.org/fhir/sid/offline-enrolment";
	public static final String IDENTIFIER_TYPE_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-identifier-type";
	public static final String TEMPORARY_NUMBER_TYPE = "TMP";

	private static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/";
	public static final String IS_HEAD = IG + "patient-is-head";
	public static final String GROUP_REFERENCE = IG + "patient-group-reference";
	public static final String GROUP_ADDRESS = IG + "group-address";
	public static final String ADDRESS_LOCATION = IG + "address-location-reference";
	public static final String INSUREE_STATUS = "https://imis-fhir.org/fhir/StructureDefinition/insuree-status";

	private EnrolmentProfiles() {}
}
