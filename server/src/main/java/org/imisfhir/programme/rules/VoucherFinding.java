package org.imisfhir.programme.rules;

/**
 * What the listing of duplicate and suspicious vouchers finds (CodeSystem {@value #SYSTEM}, terminology/imis). The
 * first two make a number a duplicate (it came more than once); the others make a stored voucher suspicious.
 */
public enum VoucherFinding {
	/** The number is on more than one line of one import file. */
	DUPLICATE_IN_FILE("duplicate-in-file", true),
	/** The number came in more than one import. */
	DUPLICATE_ACROSS_IMPORTS("duplicate-across-imports", true),
	/** The voucher became used more than once (used, cancelled, set back to new, used again). */
	USED_BY_SEVERAL_ENROLMENTS("used-by-several-enrolments", false),
	/** The number is the code of claims for more than one insuree. */
	CLAIMED_FOR_SEVERAL_INSUREES("claimed-for-several-insurees", false),
	/** An import asked for the voucher as new while it was stored as used. */
	SET_BACK_TO_NEW_BY_IMPORT("set-back-to-new-by-import", false),
	/** Another voucher's number differs from this one only by case. */
	NUMBER_DIFFERS_BY_CASE("number-differs-by-case", false),
	/** The voucher is used but no existing policy used it (imported as used, or its policy is gone). */
	USED_WITHOUT_POLICY("used-without-policy", false),
	/** The voucher is cancelled but is the code of a claim. */
	CANCELLED_BUT_CLAIMED("cancelled-but-claimed", false);

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/voucher-finding";

	private final String code;
	private final boolean duplicate;

	VoucherFinding(String code, boolean duplicate) {
		this.code = code;
		this.duplicate = duplicate;
	}

	public String code() {
		return code;
	}

	/** A finding about a number that came more than once, rather than about a stored voucher. */
	public boolean duplicate() {
		return duplicate;
	}
}
