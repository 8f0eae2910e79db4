package org.imisfhir.claim.rules;

/** Category of a service and of a claim (openIMIS S/D/A/H/C/O/V), declared in the order that decides a claim's category. */
public enum ServiceCategory {
	SURGERY("S"),
	DELIVERY("D"),
	ANTENATAL("A"),
	HOSPITALIZATION("H"),
	CONSULTATION("C"),
	OTHER("O"),
	VISIT("V");

	private final String code;

	ServiceCategory(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
