package org.imisfhir.migration.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The openIMIS tables the migration reads, in the order they are loaded (a table only refers to tables above it),
 * each with the column of its legacy id and the prefix of the ids its resources get. Lookup tables (tblICDCodes)
 * and detail tables (price list details, product items and services, claim items and services) are read with
 * the record they belong to and give no resource of their own.
 */
public enum LegacyTable {
	LOCATIONS("tblLocations", "LocationId", "loc"),
	HEALTH_FACILITIES("tblHF", "HfID", "hf"),
	ITEMS("tblItems", "ItemID", "itm"),
	SERVICES("tblServices", "ServiceID", "svc"),
	SERVICE_PRICE_LISTS("tblPLServices", "PLServiceID", "pls"),
	SERVICE_PRICE_LIST_DETAILS("tblPLServicesDetail", "PLServiceDetailID", null),
	ITEM_PRICE_LISTS("tblPLItems", "PLItemID", "pli"),
	ITEM_PRICE_LIST_DETAILS("tblPLItemsDetail", "PLItemDetailID", null),
	PRODUCTS("tblProduct", "ProdID", "prd"),
	PRODUCT_ITEMS("tblProductItems", "ProdItemID", null),
	PRODUCT_SERVICES("tblProductServices", "ProdServiceID", null),
	FAMILIES("tblFamilies", "FamilyID", "fam"),
	INSUREES("tblInsuree", "InsureeID", "ins"),
	POLICIES("tblPolicy", "PolicyID", "pol"),
	PREMIUMS("tblPremium", "PremiumId", "pre"),
	DIAGNOSES("tblICDCodes", "ICDID", null),
	CLAIMS("tblClaim", "ClaimID", "clm"),
	CLAIM_ITEMS("tblClaimItems", "ClaimItemID", null),
	CLAIM_SERVICES("tblClaimServices", "ClaimServiceID", null);

	/** Base of the identifier systems keeping the legacy ids: one system per table, {@code <base><table name>}. */
	public static final String LEGACY_ID_BASE = "https://imis-fhir.org/fhir/sid/openimis/";

	private final String tableName;
	private final String idColumn;
	private final String idPrefix;

	LegacyTable(String tableName, String idColumn, String idPrefix) {
		this.tableName = tableName;
		this.idColumn = idColumn;
		this.idPrefix = idPrefix;
	}

	/** The openIMIS table name, also the CSV file name without .csv. */
	public String tableName() {
		return tableName;
	}

	public String idColumn() {
		return idColumn;
	}

	/** The identifier system keeping this table's legacy ids. */
	public String legacySystem() {
		return LEGACY_ID_BASE + tableName;
	}

	/**
	 * The id of the resource a row of this table becomes: {@code mig-<database>-<prefix>-<legacy id>}, so a second
	 * import of the same export finds it, and references between rows are known before anything is written.
	 */
	public String resourceId(String database, String legacyId) {
		if (idPrefix == null) {
			throw new IllegalStateException(tableName + " gives no resource of its own");
		}
		return "mig-" + database + "-" + idPrefix + "-" + legacyId;
	}

	/** The legacy identifier value: the database name and the row id, so exports of several databases coexist. */
	public static String legacyValue(String database, String legacyId) {
		return database + ":" + legacyId;
	}

	public static Optional<LegacyTable> byName(String name) {
		String wanted = name.toLowerCase(Locale.ROOT).replaceFirst("\\.csv$", "");
		for (LegacyTable table : values()) {
			if (table.tableName.toLowerCase(Locale.ROOT).equals(wanted)) {
				return Optional.of(table);
			}
		}
		return Optional.empty();
	}
}
