package org.imisfhir.registry.catalogue;

import static org.imisfhir.registry.catalogue.CatalogueCodes.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.UsageContext;

/**
 * Builds medical services (ActivityDefinition) and items (Medication) in the shape of the imis-medical-service
 * and imis-medical-item profiles from openIMIS-style fields. Codes are those of openIMIS: care type I/O/B,
 * patient category bitmask (1 male, 2 female, 4 adult, 8 child; 0 or 15 anyone).
 */
public final class CatalogueResources {

	private CatalogueResources() {}

	/** A service's fields; {@code validTo} (null: open) ends it (openIMIS "deleted"). */
	public record ServiceFields(
			String code, String name, String type, String category, String level, String careType,
			Integer frequencyDays, int patientCategory, BigDecimal price, String currency, String packageType,
			String validFrom, String validTo) {

		public ServiceFields(String code, String name, String type, String category, String level, String careType,
				Integer frequencyDays, int patientCategory, BigDecimal price, String currency, String packageType,
				String validFrom) {
			this(code, name, type, category, level, careType, frequencyDays, patientCategory, price, currency, packageType,
					validFrom, null);
		}
	}

	/** An item's fields; {@code validTo} (null: open) ends it. */
	public record ItemFields(
			String code, String name, String type, String packaging, BigDecimal price, String currency,
			String careType, Integer frequencyDays, int patientCategory, String validFrom, String validTo) {

		public ItemFields(String code, String name, String type, String packaging, BigDecimal price, String currency,
				String careType, Integer frequencyDays, int patientCategory, String validFrom) {
			this(code, name, type, packaging, price, currency, careType, frequencyDays, patientCategory, validFrom, null);
		}
	}

	public static ActivityDefinition service(ServiceFields f) {
		ActivityDefinition service = new ActivityDefinition();
		service.addExtension(UNIT_PRICE, money(f.price(), f.currency()));
		service.addExtension(SERVICE_LEVEL, concept(SERVICE_LEVEL_SYSTEM, f.level()));
		service.addExtension(PACKAGE_TYPE, new Coding(PACKAGE_TYPE_SYSTEM, f.packageType(), null));
		service.addIdentifier().setSystem(SERVICE_CODE).setValue(f.code());
		service.setName("S" + f.code().replaceAll("[^A-Za-z0-9_]", "_"));
		service.setTitle(f.name());
		service.setStatus(f.validTo() == null ? PublicationStatus.ACTIVE : PublicationStatus.RETIRED);
		service.setDateElement(new DateTimeType(f.validFrom()));
		service.setEffectivePeriod(new Period().setStartElement(new DateTimeType(f.validFrom())));
		if (f.validTo() != null) {
			service.getEffectivePeriod().setEndElement(new DateTimeType(f.validTo()));
		}
		service.addUseContext(context("workflow", concept(BASE + "CodeSystem/service-category", f.category())));
		service.addUseContext(venue(f.careType()));
		service.getUseContext().addAll(patientContexts(f.patientCategory()));
		service.addTopic(concept(SERVICE_TYPE_SYSTEM, f.type()));
		service.setKind(ActivityDefinition.ActivityDefinitionKind.SERVICEREQUEST);
		if (f.frequencyDays() != null && f.frequencyDays() > 0) {
			service.setTiming(days(f.frequencyDays()));
		}
		return service;
	}

	public static Medication item(ItemFields f) {
		Medication item = new Medication();
		item.addExtension(UNIT_PRICE, money(f.price(), f.currency()));
		item.addExtension(ITEM_TYPE, concept(ITEM_TYPE_SYSTEM, f.type()));
		Extension usage = item.addExtension().setUrl(ITEM_USAGE_CONTEXT);
		usage.addExtension("CareType", venue(f.careType()));
		for (UsageContext context : patientContexts(f.patientCategory())) {
			usage.addExtension("gender".equals(context.getCode().getCode()) ? "Gender" : "Age", context);
		}
		Period validity = new Period().setStartElement(new DateTimeType(f.validFrom()));
		if (f.validTo() != null) {
			validity.setEndElement(new DateTimeType(f.validTo()));
		}
		item.addExtension(VALIDITY, validity);
		if (f.frequencyDays() != null && f.frequencyDays() > 0) {
			item.addExtension(ITEM_FREQUENCY, days(f.frequencyDays()));
		}
		item.addIdentifier().setSystem(ITEM_CODE).setValue(f.code());
		item.getCode().setText(f.name());
		item.setStatus(f.validTo() == null ? Medication.MedicationStatus.ACTIVE : Medication.MedicationStatus.INACTIVE);
		if (f.packaging() != null && !f.packaging().isBlank()) {
			item.getForm().setText(f.packaging());
		}
		return item;
	}

	/** The price of a service or item (IG unit-price), or null. */
	public static Money price(org.hl7.fhir.r4.model.DomainResource resource) {
		Extension extension = resource.getExtensionByUrl(UNIT_PRICE);
		return extension == null ? null : (Money) extension.getValue();
	}

	static Money money(BigDecimal value, String currency) {
		Money money = new Money();
		money.setValue(value);
		money.setCurrency(currency);
		return money;
	}

	static CodeableConcept concept(String system, String code) {
		return new CodeableConcept(new Coding(system, code, null));
	}

	static UsageContext context(String code, CodeableConcept value) {
		return new UsageContext(new Coding(USAGE_CONTEXT_TYPE, code, null), value);
	}

	static UsageContext venue(String careType) {
		CodeableConcept value = new CodeableConcept();
		if (!"I".equals(careType)) {
			value.addCoding(new Coding(ACT_CODE, "AMB", null));
		}
		if (!"O".equals(careType)) {
			value.addCoding(new Coding(ACT_CODE, "IMP", null));
		}
		return context("venue", value);
	}

	/** Gender and age contexts for the openIMIS bitmask; none for a side that allows both (or 0: anyone). */
	static List<UsageContext> patientContexts(int mask) {
		List<UsageContext> contexts = new ArrayList<>();
		boolean male = (mask & 1) != 0;
		boolean female = (mask & 2) != 0;
		boolean adult = (mask & 4) != 0;
		boolean child = (mask & 8) != 0;
		if (male != female) {
			contexts.add(context("gender", concept(GENDER_SYSTEM, male ? "male" : "female")));
		}
		if (adult != child) {
			contexts.add(context("age", concept(AGE_SYSTEM, adult ? "adult" : "child")));
		}
		return contexts;
	}

	static Timing days(int days) {
		Timing timing = new Timing();
		timing.getRepeat().setFrequency(1).setPeriod(days).setPeriodUnit(Timing.UnitsOfTime.D);
		return timing;
	}
}
