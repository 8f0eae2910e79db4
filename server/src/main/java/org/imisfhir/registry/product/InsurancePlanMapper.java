package org.imisfhir.registry.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.InsurancePlan.CoverageBenefitComponent;
import org.hl7.fhir.r4.model.InsurancePlan.InsurancePlanCoverageComponent;
import org.hl7.fhir.r4.model.InsurancePlan.InsurancePlanPlanComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.DistributionShare;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.payment.rules.RelativePricing;
import org.imisfhir.registry.product.rules.CoveredBenefit;
import org.imisfhir.registry.product.rules.ProductDefinition;

/**
 * Reads an InsurancePlan of the imis-insurance-plan profile into the plain-Java product
 * ({@link ProductDefinition}); docs/registries/products.md lists where each field lives. Lenient:
 * what is absent stays at 0 or null, the profile and the product rules judge the rest.
 */
public final class InsurancePlanMapper {

	public static final String PRODUCT_CODE = "https://imis-fhir.org/fhir/sid/product-code";
	public static final String SERVICE_CODE = "https://imis-fhir.org/fhir/sid/service-code";
	public static final String ITEM_CODE = "https://imis-fhir.org/fhir/sid/item-code";
	/** A benefit naming a group of services by a regular expression on their codes (e.g. transport tariffs). */
	public static final String SERVICE_CODE_PATTERN = "https://imis-fhir.org/fhir/sid/service-code-pattern";
	public static final String ITEM_CODE_PATTERN = "https://imis-fhir.org/fhir/sid/item-code-pattern";
	static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	static final String IMIS = "https://imis-fhir.org/fhir/";
	public static final String EXT_CONVERSION = IG + "StructureDefinition/insurance-plan-conversion";
	public static final String EXT_MAX_INSTALLMENTS = IG + "StructureDefinition/insurance-plan-max-installments";
	public static final String EXT_START_CYCLE = IG + "StructureDefinition/insurance-plan-start-cycle";
	public static final String EXT_PERIODS = IMIS + "StructureDefinition/product-periods";
	public static final String EXT_DISCOUNT = IMIS + "StructureDefinition/product-discount";
	public static final String EXT_CEILING_TYPE = IMIS + "StructureDefinition/product-ceiling-type";
	public static final String EXT_CEILING_INTERPRETATION = IMIS + "StructureDefinition/product-ceiling-interpretation";
	public static final String EXT_RELATIVE_PRICING = IMIS + "StructureDefinition/product-relative-pricing";
	public static final String EXT_RELATIVE_DISTRIBUTION = IMIS + "StructureDefinition/product-relative-distribution";
	public static final String EXT_CAPITATION = IMIS + "StructureDefinition/product-capitation";
	public static final String EXT_CAPITATION_LEVEL = IMIS + "StructureDefinition/product-capitation-level";
	public static final String EXT_ACCOUNTING = IMIS + "StructureDefinition/product-accounting";
	public static final String EXT_BENEFIT_REFERENCE = IMIS + "StructureDefinition/product-benefit-reference";
	public static final String EXT_BENEFIT_TERMS = IMIS + "StructureDefinition/product-benefit-terms";
	public static final String GENERAL_COST_TYPE = IG + "CodeSystem/insurance-plan-general-cost-type";
	public static final String BENEFIT_LIMIT_IG = IG + "CodeSystem/insurance-plan-coverage-benefit-limit";
	public static final String BENEFIT_LIMIT = IMIS + "CodeSystem/product-benefit-limit";
	public static final String COVERAGE_CATEGORY = IG + "CodeSystem/coverage-item-category";

	/** IG general cost code → openIMIS column. */
	private static final Map<String, String> GENERAL_COSTS = Map.of(
			"lumpsum", "lump_sum",
			"premiumAdult", "premium_adult",
			"premiumChild", "premium_child",
			"registrationLumpsum", "registration_lump_sum",
			"registrationFee", "registration_fee",
			"generalAssemblyLumpSum", "general_assembly_lump_sum",
			"generalAssemblyFee", "general_assembly_fee");

	/** service-category code → openIMIS column suffix of the category limits. */
	private static final Map<String, String> CATEGORIES = Map.of(
			"C", "consultation", "S", "surgery", "D", "delivery", "H", "hospitalization", "V", "visits", "A", "antenatal");

	private static final Map<String, String> PERIOD_PARTS = Map.of(
			"administration", "administration_period",
			"gracePeriodEnrolment", "grace_period_enrolment",
			"gracePeriodRenewal", "grace_period_renewal",
			"gracePeriodPayment", "grace_period_payment",
			"recurrence", "recurrence");

	private static final Map<String, String> CAPITATION_PARTS = Map.of(
			"share", "share_contribution",
			"weightPopulation", "weight_population",
			"weightFamilies", "weight_nb_families",
			"weightInsuredPopulation", "weight_insured_population",
			"weightInsuredFamilies", "weight_nb_insured_families",
			"weightVisits", "weight_nb_visits",
			"weightAdjustedAmount", "weight_adjusted_amount");

	private InsurancePlanMapper() {}

	public static ProductDefinition toProduct(InsurancePlan plan) {
		ProductDefinition.Builder product = ProductDefinition.builder();
		String code = productCode(plan);
		product.code(code).name(plan.getName()).selfReference(code);
		if (plan.getIdElement().hasIdPart()) {
			product.selfReference("InsurancePlan/" + plan.getIdElement().getIdPart());
		}
		product.validity(date(plan.getPeriod().getStartElement()), date(plan.getPeriod().getEndElement()));
		if (plan.hasCoverageArea()) {
			product.location(plan.getCoverageAreaFirstRep().getReference());
		}
		readExtensions(plan, product);
		for (InsurancePlanCoverageComponent coverage : plan.getCoverage()) {
			readCoverage(coverage, product);
		}
		for (InsurancePlanPlanComponent part : plan.getPlan()) {
			readCosts(part, product);
		}
		return product.build();
	}

	public static String productCode(InsurancePlan plan) {
		return plan.getIdentifier().stream()
				.filter(identifier -> PRODUCT_CODE.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.findFirst()
				.orElse(null);
	}

	private static void readExtensions(InsurancePlan plan, ProductDefinition.Builder product) {
		Extension conversion = plan.getExtensionByUrl(EXT_CONVERSION);
		if (conversion != null && conversion.getValue() instanceof Reference reference) {
			product.conversion(reference.hasReference() ? reference.getReference() : reference.getIdentifier().getValue());
		}
		product.value("max_installments", number(plan.getExtensionByUrl(EXT_MAX_INSTALLMENTS)));
		plan.getExtensionsByUrl(EXT_START_CYCLE).forEach(cycle -> product.startCycle(text(cycle.getValue())));
		Extension periods = plan.getExtensionByUrl(EXT_PERIODS);
		if (periods != null) {
			PERIOD_PARTS.forEach((part, column) -> product.value(column, number(periods.getExtensionByUrl(part))));
		}
		for (Extension discount : plan.getExtensionsByUrl(EXT_DISCOUNT)) {
			String type = text(part(discount, "type"));
			if ("enrolment".equals(type) || "renewal".equals(type)) {
				product.value(type + "_discount_perc", number(discount.getExtensionByUrl("percentage")));
				product.value(type + "_discount_period", number(discount.getExtensionByUrl("period")));
			}
		}
		product.ceilingType(text(value(plan.getExtensionByUrl(EXT_CEILING_TYPE))));
		product.ceilingInterpretation(text(value(plan.getExtensionByUrl(EXT_CEILING_INTERPRETATION))));
		product.relativePricing(relativePricing(plan));
		Extension capitation = plan.getExtensionByUrl(EXT_CAPITATION);
		if (capitation != null) {
			CAPITATION_PARTS.forEach((part, column) -> product.value(column, number(capitation.getExtensionByUrl(part))));
		}
		for (Extension level : plan.getExtensionsByUrl(EXT_CAPITATION_LEVEL)) {
			String sublevel = text(part(level, "sublevel"));
			product.capitationLevel(text(part(level, "level")) + (sublevel == null ? "" : "/" + sublevel));
		}
		Extension accounting = plan.getExtensionByUrl(EXT_ACCOUNTING);
		if (accounting != null) {
			product.accounts(text(part(accounting, "premiums")), text(part(accounting, "remuneration")));
		}
	}

	private static RelativePricing relativePricing(InsurancePlan plan) {
		Map<CareType, PeriodType> periods = new HashMap<>();
		for (Extension pricing : plan.getExtensionsByUrl(EXT_RELATIVE_PRICING)) {
			CareType care = careType(text(part(pricing, "careType")));
			PeriodType period = periodType(text(part(pricing, "periodType")));
			if (care != null && period != null) {
				periods.put(care, period);
			}
		}
		List<DistributionShare> shares = new ArrayList<>();
		for (Extension share : plan.getExtensionsByUrl(EXT_RELATIVE_DISTRIBUTION)) {
			CareType care = careType(text(part(share, "careType")));
			PeriodType period = periodType(text(part(share, "periodType")));
			BigDecimal fraction = number(share.getExtensionByUrl("share"));
			BigDecimal number = number(share.getExtensionByUrl("period"));
			if (care != null && period != null && fraction != null && number != null) {
				shares.add(new DistributionShare(care, period, number.intValue(), fraction));
			}
		}
		if (periods.isEmpty()) {
			return RelativePricing.NONE;
		}
		return new RelativePricing(periods.get(CareType.BOTH), periods.get(CareType.IN_PATIENT),
				periods.get(CareType.OUT_PATIENT), shares);
	}

	private static void readCoverage(InsurancePlanCoverageComponent coverage, ProductDefinition.Builder product) {
		for (CoverageBenefitComponent benefit : coverage.getBenefit()) {
			Extension reference = benefit.getExtensionByUrl(EXT_BENEFIT_REFERENCE);
			if (reference == null || !(reference.getValue() instanceof Reference)) {
				// the IG's general benefit: insurance period and maximum members
				for (InsurancePlan.CoverageBenefitLimitComponent limit : benefit.getLimit()) {
					String code = code(limit.getCode(), BENEFIT_LIMIT_IG);
					if (!limit.getValue().hasValue()) {
						continue;
					}
					if ("period".equals(code)) {
						product.value("insurance_period", limit.getValue().getValue());
					} else if ("memberCount".equals(code)) {
						product.value("max_members", limit.getValue().getValue());
					}
				}
				continue;
			}
			product.benefit(coveredBenefit(benefit, reference));
		}
	}

	private static CoveredBenefit coveredBenefit(CoverageBenefitComponent benefit, Extension referenceExtension) {
		Reference reference = (Reference) referenceExtension.getValue();
		String system = reference.getIdentifier().getSystem();
		boolean item = "Medication".equals(reference.getType())
				|| ITEM_CODE.equals(system) || ITEM_CODE_PATTERN.equals(system)
				|| (reference.hasReference() && reference.getReference().startsWith("Medication/"));
		boolean pattern = SERVICE_CODE_PATTERN.equals(system) || ITEM_CODE_PATTERN.equals(system);
		String code = reference.getIdentifier().hasValue() ? reference.getIdentifier().getValue() : reference.getReference();
		Extension terms = benefit.getExtensionByUrl(EXT_BENEFIT_TERMS);
		Map<String, BigDecimal> limits = new HashMap<>();
		for (InsurancePlan.CoverageBenefitLimitComponent limit : benefit.getLimit()) {
			String limitCode = code(limit.getCode(), BENEFIT_LIMIT);
			if (limitCode != null && limit.getValue().hasValue()) {
				limits.put(limitCode, limit.getValue().getValue());
			}
		}
		return new CoveredBenefit(item ? CoveredBenefit.Kind.ITEM : CoveredBenefit.Kind.SERVICE, code,
				text(part(terms, "priceOrigin")), text(part(terms, "limitationType")),
				text(part(terms, "limitationTypeReferral")), text(part(terms, "limitationTypeEmergency")),
				text(part(terms, "ceilingExclusionAdult")), text(part(terms, "ceilingExclusionChild")), limits,
				pattern, terms == null ? List.of() : terms.getExtensionsByUrl("visitType").stream().map(InsurancePlanMapper::text).toList());
	}

	private static void readCosts(InsurancePlanPlanComponent part, ProductDefinition.Builder product) {
		for (InsurancePlan.InsurancePlanPlanGeneralCostComponent cost : part.getGeneralCost()) {
			String column = GENERAL_COSTS.get(code(cost.getType(), GENERAL_COST_TYPE));
			if (column == null) {
				continue;
			}
			product.value(column, cost.getCost().getValue());
			if ("lump_sum".equals(column) && cost.hasGroupSize()) {
				product.value("threshold", BigDecimal.valueOf(cost.getGroupSize()));
			}
		}
		for (InsurancePlan.InsurancePlanPlanSpecificCostComponent specific : part.getSpecificCost()) {
			String category = firstCode(specific.getCategory());
			for (InsurancePlan.PlanBenefitComponent benefit : specific.getBenefit()) {
				String level = firstCode(benefit.getType());
				for (InsurancePlan.PlanBenefitCostComponent cost : benefit.getCost()) {
					String column = specificColumn(category, level, firstCode(cost.getType()));
					if (column != null) {
						product.value(column, cost.getValue().getValue());
					}
				}
			}
		}
	}

	/** openIMIS column of a specific cost: ded_policy_ip, max_treatment, max_no_surgery, ... */
	static String specificColumn(String category, String level, String costType) {
		if (category == null || level == null || costType == null) {
			return null;
		}
		if ("category".equals(level)) {
			String name = CATEGORIES.get(category);
			return name == null ? null : switch (costType) {
				case "max-count" -> "max_no_" + name;
				case "max-amount" -> "max_amount_" + name;
				default -> null;
			};
		}
		String suffix = switch (category) {
			case "B" -> "";
			case "I" -> "_ip";
			case "O" -> "_op";
			default -> null;
		};
		if (suffix == null) {
			return null;
		}
		return switch (costType) {
			case "deductible" -> "ded_" + level + suffix;
			case "ceiling" -> "max_" + level + suffix;
			case "extra-member-ceiling" -> "max_policy_extra_member" + suffix;
			case "maximum-ceiling" -> "max_ceiling_policy" + suffix;
			default -> null;
		};
	}

	private static CareType careType(String code) {
		if (code == null) {
			return null;
		}
		for (CareType type : CareType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		return null;
	}

	private static PeriodType periodType(String code) {
		if (code == null) {
			return null;
		}
		for (PeriodType type : PeriodType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		return null;
	}

	private static LocalDate date(org.hl7.fhir.r4.model.DateTimeType date) {
		if (date == null || !date.hasValue()) {
			return null;
		}
		return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
	}

	private static Extension part(Extension complex, String url) {
		return complex == null ? null : complex.getExtensionByUrl(url);
	}

	private static Type value(Extension extension) {
		return extension == null ? null : extension.getValue();
	}

	private static String text(Extension extension) {
		return text(value(extension));
	}

	private static String text(Type value) {
		if (value instanceof Coding coding) {
			return coding.getCode();
		}
		if (value instanceof PrimitiveType<?> primitive) {
			return primitive.getValueAsString();
		}
		return null;
	}

	private static BigDecimal number(Extension extension) {
		Type value = value(extension);
		if (value instanceof Quantity quantity) {
			return quantity.getValue();
		}
		if (value instanceof PrimitiveType<?> primitive && primitive.hasValue()) {
			try {
				return new BigDecimal(primitive.getValueAsString());
			} catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

	private static String code(CodeableConcept concept, String system) {
		return concept.getCoding().stream()
				.filter(coding -> system.equals(coding.getSystem()))
				.map(Coding::getCode)
				.findFirst()
				.orElse(null);
	}

	private static String firstCode(CodeableConcept concept) {
		return concept.getCodingFirstRep().getCode();
	}
}
