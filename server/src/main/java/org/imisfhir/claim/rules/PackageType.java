package org.imisfhir.claim.rules;

/** Package type of a service: simple, package or fixed-price package (openIMIS S/P/F). */
public enum PackageType {
	SIMPLE("S"),
	PACKAGE("P"),
	FIXED_PRICE("F");

	private final String code;

	PackageType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
