package org.imisfhir.claim.rules;

/** Where the price of a covered item or service comes from: price list, the provider's claimed price, or relative pricing (openIMIS P/O/R). */
public enum PriceOrigin {
	PRICE_LIST("P"),
	CLAIMED("O"),
	RELATIVE("R");

	private final String code;

	PriceOrigin(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
