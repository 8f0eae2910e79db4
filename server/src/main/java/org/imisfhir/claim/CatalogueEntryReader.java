package org.imisfhir.claim;

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
import org.imisfhir.claim.rules.CareType;
import org.imisfhir.claim.rules.CatalogueEntry;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.PackageType;
import org.imisfhir.claim.rules.ServiceCategory;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.imisfhir.registry.catalogue.CatalogueResources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a medical service (ActivityDefinition) or item (Medication) of the catalogue as the claim rules see
 * it: validity, care type, patient category bitmask, frequency, category, package type and price. A retired
 * service or an inactive item without an end date is treated as never valid (openIMIS: deleted).
 */
public final class CatalogueEntryReader {

	private CatalogueEntryReader() {}

	public static CatalogueEntry service(String code, ActivityDefinition service) {
		Period period = service.getEffectivePeriod();
		LocalDate validTo = date(period.getEndElement());
		if (service.getStatus() == PublicationStatus.RETIRED && validTo == null) {
			validTo = LocalDate.MIN;
		}
		CareType careType = CareType.BOTH;
		int patientCategory = 0;
		ServiceCategory category = ServiceCategory.OTHER;
		List<UsageContext> patientContexts = new ArrayList<>();
		for (UsageContext context : service.getUseContext()) {
			String kind = context.getCode().getCode();
			if ("venue".equals(kind) && context.hasValueCodeableConcept()) {
				careType = careType(context.getValueCodeableConcept());
			} else if ("workflow".equals(kind) && context.hasValueCodeableConcept()) {
				category = category(context.getValueCodeableConcept().getCodingFirstRep().getCode());
			} else if ("gender".equals(kind) || "age".equals(kind)) {
				patientContexts.add(context);
			}
		}
		patientCategory = patientCategory(patientContexts);
		Extension packageExtension = service.getExtensionByUrl(CatalogueCodes.PACKAGE_TYPE);
		PackageType packageType = packageExtension == null ? PackageType.SIMPLE
				: packageType(((Coding) packageExtension.getValue()).getCode());
		return new CatalogueEntry(MedicalRef.service(code), date(period.getStartElement()), validTo, careType,
				patientCategory, frequency(service.hasTiming() ? service.getTimingTiming() : null), category, packageType,
				price(service));
	}

	public static CatalogueEntry item(String code, Medication item) {
		Extension validity = item.getExtensionByUrl(CatalogueCodes.VALIDITY);
		Period period = validity == null ? new Period() : (Period) validity.getValue();
		LocalDate validTo = date(period.getEndElement());
		if (item.getStatus() == Medication.MedicationStatus.INACTIVE && validTo == null) {
			validTo = LocalDate.MIN;
		}
		CareType careType = CareType.BOTH;
		List<UsageContext> patientContexts = new ArrayList<>();
		Extension usage = item.getExtensionByUrl(CatalogueCodes.ITEM_USAGE_CONTEXT);
		if (usage != null) {
			for (Extension part : usage.getExtension()) {
				UsageContext context = (UsageContext) part.getValue();
				if ("CareType".equals(part.getUrl())) {
					careType = careType(context.getValueCodeableConcept());
				} else {
					patientContexts.add(context);
				}
			}
		}
		Extension frequency = item.getExtensionByUrl(CatalogueCodes.ITEM_FREQUENCY);
		return new CatalogueEntry(MedicalRef.item(code), date(period.getStartElement()), validTo, careType,
				patientCategory(patientContexts), frequency(frequency == null ? null : (Timing) frequency.getValue()),
				null, PackageType.SIMPLE, price(item));
	}

	private static BigDecimal price(org.hl7.fhir.r4.model.DomainResource resource) {
		Money price = CatalogueResources.price(resource);
		return price == null || price.getValue() == null ? BigDecimal.ZERO : price.getValue();
	}

	private static CareType careType(CodeableConcept venue) {
		boolean ambulatory = venue.getCoding().stream().anyMatch(c -> "AMB".equals(c.getCode()));
		boolean inpatient = venue.getCoding().stream().anyMatch(c -> "IMP".equals(c.getCode()));
		if (ambulatory && !inpatient) {
			return CareType.OUT_PATIENT;
		}
		if (inpatient && !ambulatory) {
			return CareType.IN_PATIENT;
		}
		return CareType.BOTH;
	}

	/** The openIMIS bitmask (1 male, 2 female, 4 adult, 8 child) from gender and age contexts; 15 when unrestricted. */
	private static int patientCategory(List<UsageContext> contexts) {
		int gender = 1 | 2;
		int age = 4 | 8;
		for (UsageContext context : contexts) {
			String value = context.getValueCodeableConcept().getCodingFirstRep().getCode();
			switch (context.getCode().getCode()) {
				case "gender" -> gender = "male".equals(value) ? 1 : "female".equals(value) ? 2 : gender;
				case "age" -> age = "adult".equals(value) ? 4 : "child".equals(value) ? 8 : age;
				default -> { }
			}
		}
		return gender | age;
	}

	private static Integer frequency(Timing timing) {
		if (timing == null || !timing.getRepeat().hasPeriod()) {
			return null;
		}
		return timing.getRepeat().getPeriod().intValue();
	}

	private static ServiceCategory category(String code) {
		for (ServiceCategory category : ServiceCategory.values()) {
			if (category.code().equals(code)) {
				return category;
			}
		}
		return ServiceCategory.OTHER;
	}

	private static PackageType packageType(String code) {
		for (PackageType type : PackageType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		return PackageType.SIMPLE;
	}

	static LocalDate date(DateTimeType value) {
		return value == null || value.isEmpty() ? null : LocalDate.parse(value.getValueAsString().substring(0, 10));
	}
}
