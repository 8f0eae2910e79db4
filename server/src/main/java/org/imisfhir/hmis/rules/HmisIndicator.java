package org.imisfhir.hmis.rules;

/**
 * The monthly HMIS indicators, with their codes in CodeSystem {@value #SYSTEM} (terminology/imis) and the group
 * of Measure {@code imis-hmis-monthly} carrying each. "In force" on a day: status active or expired, effective
 * date on or before the day and expiry date on or after it.
 */
public enum HmisIndicator {
	/** Active insurees (status AC) of the families with a policy in force on the month's last day. */
	INSUREES_ACTIVE("insurees-active", false, false),
	/** Families with at least one policy in force on the month's last day. */
	FAMILIES_COVERED("families-covered", false, false),
	/** Policies in force on the month's last day. */
	POLICIES_ACTIVE("policies-active", false, false),
	/** New policies (stage N) enrolled during the month, whatever their status. */
	POLICIES_NEW("policies-new", false, false),
	/** Contributions paid during the month. */
	CONTRIBUTIONS_COUNT("contributions-count", false, false),
	/** Amount of the contributions paid during the month. */
	CONTRIBUTIONS_AMOUNT("contributions-amount", true, false),
	/** Claims claimed during the month, by their status. */
	CLAIMS_COUNT("claims-count", false, true),
	/** Amount claimed by the claims claimed during the month, by their status. */
	CLAIMS_CLAIMED_AMOUNT("claims-claimed-amount", true, true),
	/** Amount valuated of the claims claimed during the month, by their status (only valuated claims have one). */
	CLAIMS_VALUATED_AMOUNT("claims-valuated-amount", true, true);

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/hmis-indicator";

	private final String code;
	private final boolean money;
	private final boolean byClaimStatus;

	HmisIndicator(String code, boolean money, boolean byClaimStatus) {
		this.code = code;
		this.money = money;
		this.byClaimStatus = byClaimStatus;
	}

	public String code() {
		return code;
	}

	/** An amount in the scheme currency rather than a count. */
	public boolean money() {
		return money;
	}

	/** Stratified by claim status. */
	public boolean byClaimStatus() {
		return byClaimStatus;
	}
}
