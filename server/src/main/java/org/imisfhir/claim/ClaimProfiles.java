package org.imisfhir.claim;

/** Canonical URLs and code systems of claims and their adjudication. */
public final class ClaimProfiles {

	public static final String BASE = "https://imis-fhir.org/fhir/StructureDefinition/";
	public static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";

	public static final String CLAIM = BASE + "imis-claim";
	public static final String CLAIM_RESPONSE = BASE + "imis-claim-response";
	public static final String WORKFLOW = BASE + "claim-workflow";
	public static final String LINE_ASSIGNMENT = BASE + "claim-line-assignment";
	public static final String ALLOWANCE_USAGE = BASE + "claim-allowance-usage";
	public static final String ITEM_REFERENCE = IG + "StructureDefinition/claim-item-reference";

	public static final String CLAIM_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/claim-code";
	public static final String STATUS_SYSTEM = IG + "CodeSystem/claim-status";
	public static final String REJECTION_SYSTEM = IG + "CodeSystem/claim-rejection-reasons";
	public static final String VISIT_TYPE_SYSTEM = IG + "CodeSystem/claim-visit-type";
	public static final String ITEM_CATEGORY_SYSTEM = IG + "CodeSystem/claim-item-category";
	public static final String SUPPORTING_INFO_SYSTEM = IG + "CodeSystem/claim-supporting-info-category";
	public static final String ADJUDICATION_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/claim-adjudication";
	public static final String IDENTIFIER_TYPE_SYSTEM = IG + "CodeSystem/openimis-identifiers";

	private ClaimProfiles() {}
}
