package org.imisfhir.registry;

import org.imisfhir.outcome.RuleViolation;

/** Why a register refuses a write (CodeSystem terminology/imis/CodeSystem-imis-registry-error.json). */
public enum RegistryViolation implements RuleViolation {
	LOCATION_PARENT_LEVEL("location-parent-level"),
	LOCATION_PARENT_REQUIRED("location-parent-required"),
	LOCATION_REGION_HAS_PARENT("location-region-has-parent"),
	LOCATION_PARENT_UNKNOWN("location-parent-unknown"),
	CODE_MISSING("code-missing"),
	CODE_TOO_LONG("code-too-long"),
	FACILITY_DISTRICT_REQUIRED("facility-district-required"),
	FACILITY_DISTRICT_NOT_DISTRICT("facility-district-not-district"),
	CATCHMENT_NOT_VILLAGE("catchment-not-village"),
	CATCHMENT_PERCENTAGE("catchment-percentage"),
	CONTRACT_DATES("contract-dates"),
	OFFICER_VILLAGE_NOT_VILLAGE("officer-village-not-village"),
	OFFICER_SUBSTITUTE_SELF("officer-substitute-self"),
	CLAIM_ADMIN_FACILITY_REQUIRED("claim-admin-facility-required");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-registry-error";

	private final String code;

	RegistryViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
