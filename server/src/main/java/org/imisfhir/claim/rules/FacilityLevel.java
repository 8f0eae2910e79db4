package org.imisfhir.claim.rules;

/** Level of a health facility: dispensary, health centre or hospital (openIMIS D/C/H). */
public enum FacilityLevel {
	DISPENSARY("D"),
	HEALTH_CENTRE("C"),
	HOSPITAL("H");

	private final String code;

	FacilityLevel(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
