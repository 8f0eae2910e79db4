package org.imisfhir.registry.catalogue;

import org.hl7.fhir.r4.model.Identifier;

/** Systems and extension URLs of the catalogue, and small helpers to read them. */
public final class CatalogueCodes {

	public static final String SERVICE_CODE = "https://imis-fhir.org/fhir/sid/service-code";
	public static final String ITEM_CODE = "https://imis-fhir.org/fhir/sid/item-code";
	public static final String SERVICE_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-medical-service";
	public static final String ITEM_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-medical-item";
	public static final String PRICE_LIST_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-price-list";

	public static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	public static final String UNIT_PRICE = IG + "StructureDefinition/unit-price";
	public static final String SERVICE_LEVEL = IG + "StructureDefinition/activity-definition-level";
	public static final String SERVICE_LEVEL_SYSTEM = IG + "CodeSystem/activity-definition-level";
	public static final String SERVICE_TYPE_SYSTEM = IG + "CodeSystem/activity-definition-service-type";
	public static final String WORKFLOW_SYSTEM = IG + "CodeSystem/activity-definition-usage-context-workflow-type";
	public static final String AGE_SYSTEM = IG + "CodeSystem/usage-context-age-type";
	public static final String ITEM_TYPE = IG + "StructureDefinition/medication-type";
	public static final String ITEM_TYPE_SYSTEM = IG + "CodeSystem/medication-item-type";
	public static final String ITEM_USAGE_CONTEXT = IG + "StructureDefinition/medication-usage-context";
	public static final String ITEM_FREQUENCY = IG + "StructureDefinition/medication-frequency";
	public static final String USAGE_CONTEXT_TYPE = "http://terminology.hl7.org/CodeSystem/usage-context-type";
	public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	public static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";

	public static final String BASE = "https://imis-fhir.org/fhir/";
	public static final String PACKAGE_TYPE = BASE + "StructureDefinition/service-package-type";
	public static final String PACKAGE_TYPE_SYSTEM = BASE + "CodeSystem/service-package-type";
	public static final String PACKAGE_CONTENT = BASE + "StructureDefinition/service-package-content";
	public static final String VALIDITY = BASE + "StructureDefinition/validity-period";
	public static final String PRICE_LIST_ENTRY = BASE + "StructureDefinition/price-list-entry";
	public static final String PRICE_LIST_KIND_SYSTEM = BASE + "CodeSystem/price-list-kind";

	private CatalogueCodes() {}

	/** The value of the first identifier in the system, or null. */
	public static String code(Iterable<Identifier> identifiers, String system) {
		for (Identifier identifier : identifiers) {
			if (system.equals(identifier.getSystem())) {
				return identifier.getValue();
			}
		}
		return null;
	}
}
