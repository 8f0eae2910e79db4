package org.imisfhir.payment.rules;

/** Where the price of a product item or service comes from (openIMIS P/O/R). */
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
