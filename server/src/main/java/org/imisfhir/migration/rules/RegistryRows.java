package org.imisfhir.migration.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UsageContext;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.imisfhir.registry.catalogue.CatalogueResources;
import org.imisfhir.registry.catalogue.CatalogueStore;

/**
 * Rows of the registers (tblLocations, tblHF, tblItems, tblServices, the price lists) as our registry resources:
 * Location, Organization (imis-health-facility), Medication and ActivityDefinition (built by the catalogue's
 * {@link CatalogueResources}, as its CSV import does), ChargeItemDefinition. Column mapping: mappings/openimis-database.md.
 */
public final class RegistryRows {

	static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	static final String IMIS = "https://imis-fhir.org/fhir/";
	static final String CODE_TYPE_SYSTEM = IG + "CodeSystem/openimis-identifiers";
	static final String LOCATION_TYPE_SYSTEM = IG + "CodeSystem/location-type";
	static final String HF_CODE = IMIS + "sid/hf-code";
	static final String HF_ACCOUNTING_CODE = IMIS + "sid/hf-accounting-code";
	static final String FACILITY_PROFILE = IMIS + "StructureDefinition/imis-health-facility";
	static final String ADDRESS_LOCATION = IG + "StructureDefinition/address-location-reference";
	private static final Map<String, String> LOCATION_TYPES = Map.of("R", "Region", "D", "District", "W", "Municipality", "V", "Village");

	private RegistryRows() {}

	/** Order of the location levels: a location's parent is always loaded before it. */
	public static int levelRank(LegacyRow row) {
		return switch (row.text("LocationType").toUpperCase()) {
			case "R" -> 0;
			case "D" -> 1;
			case "W" -> 2;
			case "V" -> 3;
			default -> 4;
		};
	}

	public static LegacyRecord location(LegacyRow row, MappingContext context) {
		Location location = context.identify(new Location(), row);
		location.addIdentifier().setType(codeType()).setSystem(CatalogueStore.LOCATION_CODE).setValue(row.required("LocationCode"));
		location.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		location.setStatus(Location.LocationStatus.ACTIVE);
		location.setName(row.required("LocationName"));
		location.setMode(Location.LocationMode.INSTANCE);
		String type = row.oneOf("LocationType", LOCATION_TYPES.keySet(), null);
		location.addType(new CodeableConcept(new Coding(LOCATION_TYPE_SYSTEM, type, LOCATION_TYPES.get(type))));
		location.setPhysicalType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/location-physical-type", "area", null)));
		context.loaded().optional(row, "ParentLocationId", LegacyTable.LOCATIONS)
				.ifPresent(parent -> location.setPartOf(new Reference(parent.reference())));
		if (!"R".equals(type) && !location.hasPartOf()) {
			throw RowRefusal.missing(row, "ParentLocationId");
		}
		return LegacyRecord.single(row, location, Map.of("type", type));
	}

	public static LegacyRecord facility(LegacyRow row, MappingContext context) {
		Organization facility = context.identify(new Organization(), row);
		facility.getMeta().addProfile(FACILITY_PROFILE);
		facility.addExtension(IG + "StructureDefinition/organization-hf-level",
				concept(IG + "CodeSystem/organization-hf-level", row.oneOf("HFLevel", Set.of("D", "C", "H"), null)));
		facility.addExtension(IG + "StructureDefinition/organization-hf-legal-form",
				concept(IG + "CodeSystem/organization-hf-legal-form", row.oneOf("LegalForm", Set.of("C", "D", "G", "P"), null)));
		facility.addExtension(IG + "StructureDefinition/organization-hf-care-type",
				concept(IG + "CodeSystem/organization-hf-care-type", row.oneOf("HFCareType", Set.of("I", "O", "B"), "B")));
		if (row.has("HFSublevel")) {
			facility.addExtension(IMIS + "StructureDefinition/hf-sub-level",
					concept(IMIS + "CodeSystem/hf-sub-level", row.oneOf("HFSublevel", Set.of("I", "N", "R"), null)));
		}
		facility.addIdentifier().setType(codeType()).setSystem(HF_CODE).setValue(row.required("HFCode"));
		if (row.has("AccCode")) {
			facility.addIdentifier().setSystem(HF_ACCOUNTING_CODE).setValue(row.text("AccCode"));
		}
		facility.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		facility.setActive(true);
		facility.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")));
		facility.setName(row.required("HFName"));
		if (row.has("Phone")) {
			facility.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(row.text("Phone"));
		}
		if (row.has("Fax")) {
			facility.addTelecom().setSystem(ContactPoint.ContactPointSystem.FAX).setValue(row.text("Fax"));
		}
		if (row.has("eMail")) {
			facility.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(row.text("eMail"));
		}
		LoadedRecords.Loaded district = context.loaded().required(row, "LocationId", LegacyTable.LOCATIONS);
		var address = facility.addAddress();
		address.addExtension(new Extension(ADDRESS_LOCATION, new Reference(district.reference())));
		address.addLine(row.has("HFAddress") ? row.text("HFAddress") : facility.getName());
		return LegacyRecord.single(row, facility, Map.of());
	}

	public static LegacyRecord service(LegacyRow row, MappingContext context) {
		ActivityDefinition service = CatalogueResources.service(new CatalogueResources.ServiceFields(
				row.required("ServiceCode"), row.required("ServiceName"),
				row.oneOf("ServiceType", Set.of("P", "C"), "C"),
				row.oneOf("ServCategory", Set.of("S", "D", "A", "H", "C", "O", "V"), "O"),
				row.oneOf("ServLevel", Set.of("S", "V", "D", "H"), "S"),
				row.oneOf("ServCareType", Set.of("I", "O", "B"), "B"),
				row.integer("ServFrequency", 0, 3650, null),
				row.integer("ServPatCat", 0, 15, 15),
				price(row, "ServPrice"), context.currency(),
				row.oneOf("ServPackageType", Set.of("S", "P", "F"), "S"),
				validFrom(row)));
		context.identify(service, row).addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		return LegacyRecord.single(row, service, Map.of("code", row.text("ServiceCode")));
	}

	public static LegacyRecord item(LegacyRow row, MappingContext context) {
		Medication item = CatalogueResources.item(new CatalogueResources.ItemFields(
				row.required("ItemCode"), row.required("ItemName"),
				row.oneOf("ItemType", Set.of("D", "M"), "D"),
				row.text("ItemPackage"),
				price(row, "ItemPrice"), context.currency(),
				row.oneOf("ItemCareType", Set.of("I", "O", "B"), "B"),
				row.integer("ItemFrequency", 0, 3650, null),
				row.integer("ItemPatCat", 0, 15, 15),
				validFrom(row)));
		context.identify(item, row).addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		return LegacyRecord.single(row, item, Map.of("code", row.text("ItemCode")));
	}

	/**
	 * A price list (tblPLServices or tblPLItems) with its current detail rows: a ChargeItemDefinition of the
	 * imis-price-list profile, coded {@code <database>.PLS<id>} or {@code <database>.PLI<id>} (openIMIS lists have
	 * names, not codes), used in the list's location, one entry per detail with its PriceOverule.
	 */
	public static LegacyRecord priceList(LegacyRow row, List<LegacyRow> details, MappingContext context) {
		boolean services = row.table() == LegacyTable.SERVICE_PRICE_LISTS;
		ChargeItemDefinition list = context.identify(new ChargeItemDefinition(), row);
		String code = context.database() + (services ? ".PLS" : ".PLI") + row.id();
		list.setUrl(IMIS + "price-list/" + code);
		list.addIdentifier().setSystem(CatalogueStore.PRICE_LIST_CODE).setValue(code);
		list.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		list.setTitle(row.required(services ? "PLServName" : "PLItemName"));
		list.setStatus(PublicationStatus.ACTIVE);
		String from = row.date("DatePL") != null ? row.date("DatePL").toString() : validFrom(row);
		list.setDateElement(new DateTimeType(from));
		list.setEffectivePeriod(new Period().setStartElement(new DateTimeType(from)));
		list.getCode().addCoding(new Coding(CatalogueCodes.PRICE_LIST_KIND_SYSTEM, services ? "service" : "item", null));
		context.loaded().optional(row, "LocationId", LegacyTable.LOCATIONS).ifPresent(location -> list.addUseContext(
				new UsageContext(new Coding(CatalogueCodes.USAGE_CONTEXT_TYPE, "venue", null), new Reference(location.reference()))));
		for (LegacyRow detail : details) {
			LoadedRecords.Loaded entry = services
					? context.loaded().required(detail, "ServiceID", LegacyTable.SERVICES)
					: context.loaded().required(detail, "ItemID", LegacyTable.ITEMS);
			ChargeItemDefinition.ChargeItemDefinitionPropertyGroupComponent group = list.addPropertyGroup();
			group.addExtension(CatalogueCodes.PRICE_LIST_ENTRY, new Reference(entry.reference()));
			BigDecimal overrule = detail.optionalAmount("PriceOverule");
			if (overrule != null) {
				group.addPriceComponent().setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE)
						.setAmount(new Money().setValue(overrule).setCurrency(context.currency()));
			}
		}
		return new LegacyRecord(concat(row, details), List.of(new LegacyRecord.Part(row.table(), row.id(), list, Map.of())));
	}

	static List<LegacyRow> concat(LegacyRow main, List<LegacyRow> details) {
		List<LegacyRow> rows = new java.util.ArrayList<>();
		rows.add(main);
		rows.addAll(details);
		return rows;
	}

	private static BigDecimal price(LegacyRow row, String column) {
		row.required(column);
		return row.amount(column);
	}

	private static String validFrom(LegacyRow row) {
		return row.date("ValidityFrom") == null ? "2000-01-01" : row.date("ValidityFrom").toString();
	}

	static CodeableConcept codeType() {
		return new CodeableConcept(new Coding(CODE_TYPE_SYSTEM, "Code", null));
	}

	static CodeableConcept concept(String system, String code) {
		return new CodeableConcept(new Coding(system, code, null));
	}
}
