package org.imisfhir.claim.rules;

/**
 * Whether the in-patient variants of deductibles and ceilings apply: under interpretation I when
 * the claim spans several days, under interpretation H when the facility is a hospital.
 */
public final class HospitalVisit {

	private HospitalVisit() {
	}

	public static boolean of(CeilingInterpretation interpretation, Claim claim, Facility facility) {
		return switch (interpretation) {
			case CLAIM_TYPE -> claim.isInPatient();
			case FACILITY_LEVEL -> facility.level() == FacilityLevel.HOSPITAL;
		};
	}
}
