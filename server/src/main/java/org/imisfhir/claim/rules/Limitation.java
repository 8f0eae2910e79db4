package org.imisfhir.claim.rules;

/** How a product limits what it pays for an item or service: a fixed amount per unit or a co-insurance percentage (openIMIS F/C). */
public enum Limitation {
	FIXED("F"),
	CO_INSURANCE("C");

	private final String code;

	Limitation(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
