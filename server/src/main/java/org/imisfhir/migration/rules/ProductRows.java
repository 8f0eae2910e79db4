package org.imisfhir.migration.rules;

import static org.imisfhir.registry.product.InsurancePlanMapper.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * A tblProduct row with its tblProductServices and tblProductItems rows as an InsurancePlan of the
 * imis-insurance-plan profile, in the shape {@link org.imisfhir.registry.product.InsurancePlanMapper} reads:
 * periods, start cycles, contributions (general costs), deductibles and ceilings (specific costs), category
 * maxima and one benefit per covered service or item. Relative pricing, capitation and discounts are not
 * migrated (mappings/openimis-database.md).
 */
public final class ProductRows {

	static final String PLAN_TYPE = "http://terminology.hl7.org/CodeSystem/insurance-plan-type";
	static final String IMIS = "https://imis-fhir.org/fhir/";

	/** tblProduct contribution column → IG general cost code. */
	private static final Map<String, String> GENERAL_COSTS = ordered(
			"LumpSum", "lumpsum", "PremiumAdult", "premiumAdult", "PremiumChild", "premiumChild",
			"RegistrationLumpSum", "registrationLumpsum", "RegistrationFee", "registrationFee",
			"GeneralAssemblyLumpSum", "generalAssemblyLumpSum", "GeneralAssemblyFee", "generalAssemblyFee");

	/** Category maxima: tblProduct column → service category code and cost type. */
	private static final Map<String, String[]> CATEGORY_MAXIMA = ordered(
			"MaxNoConsultation", new String[] {"C", "max-count"}, "MaxAmountConsultation", new String[] {"C", "max-amount"},
			"MaxNoSurgery", new String[] {"S", "max-count"}, "MaxAmountSurgery", new String[] {"S", "max-amount"},
			"MaxNoDelivery", new String[] {"D", "max-count"}, "MaxAmountDelivery", new String[] {"D", "max-amount"},
			"MaxNoHospitalizaion", new String[] {"H", "max-count"}, "MaxAmountHospitalization", new String[] {"H", "max-amount"},
			"MaxNoVisits", new String[] {"V", "max-count"},
			"MaxNoAntenatal", new String[] {"A", "max-count"}, "MaxAmountAntenatal", new String[] {"A", "max-amount"});

	private ProductRows() {}

	public static LegacyRecord product(LegacyRow row, List<LegacyRow> services, List<LegacyRow> items, MappingContext context) {
		InsurancePlan plan = context.identify(new InsurancePlan(), row);
		if (row.has("MaxInstallments")) {
			plan.addExtension(EXT_MAX_INSTALLMENTS, new UnsignedIntType(row.integer("MaxInstallments", 0, 1000, 0)));
		}
		for (int cycle = 1; cycle <= 4; cycle++) {
			String column = "StartCycle" + cycle;
			if (row.has(column)) {
				if (!row.text(column).matches("\\d{2}-\\d{2}")) {
					throw RowRefusal.invalid(row, column);
				}
				plan.addExtension(EXT_START_CYCLE, new StringType(row.text(column)));
			}
		}
		Extension periods = plan.addExtension().setUrl(EXT_PERIODS);
		periods.addExtension("administration", new UnsignedIntType(row.integer("AdministrationPeriod", 0, 1200, 0)));
		periods.addExtension("gracePeriodEnrolment", new UnsignedIntType(row.integer("GracePeriod", 0, 1200, 0)));
		periods.addExtension("gracePeriodRenewal", new UnsignedIntType(row.integer("GracePeriodRenewal", 0, 1200, 0)));
		periods.addExtension("gracePeriodPayment", new UnsignedIntType(row.integer("GracePeriodPayment", 0, 1200, 0)));
		if (row.has("CeilingType")) {
			plan.addExtension(EXT_CEILING_TYPE, new CodeType(row.oneOf("CeilingType", Set.of("I", "P"), null)));
		}
		if (row.has("CeilingInterpretation")) {
			plan.addExtension(EXT_CEILING_INTERPRETATION, new CodeType(row.oneOf("CeilingInterpretation", Set.of("I", "H"), null)));
		}
		String code = row.required("ProductCode");
		plan.addIdentifier().setType(RegistryRows.codeType()).setSystem(PRODUCT_CODE).setValue(code);
		plan.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		plan.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		plan.addType(medical());
		plan.setName(row.required("ProductName"));
		plan.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(row.requiredDate("DateFrom").toString()));
		if (row.date("DateTo") != null) {
			plan.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(row.date("DateTo").toString()));
		}
		context.loaded().optional(row, "LocationId", LegacyTable.LOCATIONS)
				.ifPresent(location -> plan.addCoverageArea(new Reference(location.reference())));

		InsurancePlan.InsurancePlanCoverageComponent general = plan.addCoverage().setType(medical());
		InsurancePlan.CoverageBenefitComponent terms = general.addBenefit().setType(medical());
		row.required("InsurancePeriod");
		int months = row.integer("InsurancePeriod", 1, 1200, null);
		terms.addLimit().setValue(new Quantity().setValue(BigDecimal.valueOf(months)).setUnit("month"))
				.setCode(limitCode("period", "Period"));
		if (row.has("MemberCount")) {
			terms.addLimit().setValue(new Quantity().setValue(BigDecimal.valueOf(row.integer("MemberCount", 0, 1000, 0))).setUnit("member"))
					.setCode(limitCode("memberCount", "Member Count"));
		}
		benefits(plan, "service", services, "ServiceID", LegacyTable.SERVICES, context);
		benefits(plan, "item", items, "ItemID", LegacyTable.ITEMS, context);

		InsurancePlan.InsurancePlanPlanComponent costs = plan.addPlan();
		GENERAL_COSTS.forEach((column, cost) -> {
			BigDecimal amount = row.optionalAmount(column);
			if (amount != null && amount.signum() > 0) {
				InsurancePlan.InsurancePlanPlanGeneralCostComponent general1 = costs.addGeneralCost()
						.setType(new CodeableConcept(new Coding(GENERAL_COST_TYPE, cost, null)))
						.setCost(new Money().setValue(amount));
				if ("lumpsum".equals(cost) && row.has("Threshold")) {
					general1.setGroupSize(row.integer("Threshold", 0, 1000, 0));
				}
			}
		});
		deductiblesAndCeilings(row, costs);
		CATEGORY_MAXIMA.forEach((column, target) -> {
			BigDecimal value = row.optionalAmount(column);
			if (value != null) {
				specificCost(costs, IMIS + "CodeSystem/service-category", target[0], "category", target[1], value);
			}
		});
		if (costs.isEmpty()) {
			plan.getPlan().clear();
		}
		return new LegacyRecord(concatAll(row, services, items), List.of(new LegacyRecord.Part(row.table(), row.id(), plan,
				Map.of("code", code, "name", plan.getName()))));
	}

	/** Ded/Max columns: {Ded|Max}{''|IP|OP}{Insuree|Treatment|Policy}, e.g. DedIPInsuree, MaxOPPolicy. */
	private static void deductiblesAndCeilings(LegacyRow row, InsurancePlan.InsurancePlanPlanComponent costs) {
		for (String level : List.of("Treatment", "Insuree", "Policy")) {
			for (String care : List.of("", "IP", "OP")) {
				for (String kind : List.of("Ded", "Max")) {
					String column = kind + care + level;
					BigDecimal value = row.optionalAmount(column);
					if (value != null && value.signum() > 0) {
						String careType = care.isEmpty() ? "B" : care.substring(0, 1);
						specificCost(costs, IMIS + "CodeSystem/care-type", careType, level.toLowerCase(),
								"Ded".equals(kind) ? "deductible" : "ceiling", value);
					}
				}
			}
		}
	}

	private static void specificCost(InsurancePlan.InsurancePlanPlanComponent costs, String categorySystem, String category,
			String level, String costType, BigDecimal value) {
		InsurancePlan.InsurancePlanPlanSpecificCostComponent specific = costs.getSpecificCost().stream()
				.filter(s -> s.getCategory().getCodingFirstRep().getCode().equals(category)
						&& s.getCategory().getCodingFirstRep().getSystem().equals(categorySystem))
				.findFirst()
				.orElseGet(() -> costs.addSpecificCost().setCategory(new CodeableConcept(new Coding(categorySystem, category, null))));
		InsurancePlan.PlanBenefitComponent benefit = specific.getBenefit().stream()
				.filter(b -> b.getType().getCodingFirstRep().getCode().equals(level))
				.findFirst()
				.orElseGet(() -> specific.addBenefit().setType(new CodeableConcept(new Coding(IMIS + "CodeSystem/product-benefit-level", level, null))));
		benefit.addCost().setType(new CodeableConcept(new Coding(IMIS + "CodeSystem/product-cost-type", costType, null)))
				.setValue(new Quantity().setValue(value));
	}

	/** tblProductServices / tblProductItems: one benefit each, with its terms and limits. */
	private static void benefits(InsurancePlan plan, String kind, List<LegacyRow> rows, String column, LegacyTable table,
			MappingContext context) {
		if (rows.isEmpty()) {
			return;
		}
		CodeableConcept category = new CodeableConcept(new Coding(COVERAGE_CATEGORY, kind, null));
		InsurancePlan.InsurancePlanCoverageComponent coverage = plan.addCoverage().setType(category.copy());
		for (LegacyRow row : rows) {
			LoadedRecords.Loaded covered = context.loaded().required(row, column, table);
			InsurancePlan.CoverageBenefitComponent benefit = coverage.addBenefit().setType(category.copy());
			benefit.addExtension(EXT_BENEFIT_REFERENCE, new Reference()
					.setType("service".equals(kind) ? "ActivityDefinition" : "Medication")
					.setIdentifier(new Identifier().setSystem("service".equals(kind) ? SERVICE_CODE : ITEM_CODE).setValue(covered.fact("code"))));
			Extension terms = benefit.addExtension().setUrl(EXT_BENEFIT_TERMS);
			terms.addExtension("priceOrigin", new CodeType(row.oneOf("PriceOrigin", Set.of("P", "O", "R"), "P")));
			String limitation = row.oneOf("LimitationType", Set.of("F", "C"), "C");
			terms.addExtension("limitationType", new CodeType(limitation));
			terms.addExtension("limitationTypeReferral", new CodeType(row.oneOf("LimitationTypeR", Set.of("F", "C"), limitation)));
			terms.addExtension("limitationTypeEmergency", new CodeType(row.oneOf("LimitationTypeE", Set.of("F", "C"), limitation)));
			if (row.has("CeilingExclusionAdult")) {
				terms.addExtension("ceilingExclusionAdult", new CodeType(row.oneOf("CeilingExclusionAdult", Set.of("H", "N", "B"), null)));
			}
			if (row.has("CeilingExclusionChild")) {
				terms.addExtension("ceilingExclusionChild", new CodeType(row.oneOf("CeilingExclusionChild", Set.of("H", "N", "B"), null)));
			}
			limit(benefit, row, "LimitAdult", "limit-adult");
			limit(benefit, row, "LimitChild", "limit-child");
			limit(benefit, row, "WaitingPeriodAdult", "waiting-period-adult");
			limit(benefit, row, "WaitingPeriodChild", "waiting-period-child");
			limit(benefit, row, "LimitNoAdult", "max-quantity-adult");
			limit(benefit, row, "LimitNoChild", "max-quantity-child");
		}
	}

	private static void limit(InsurancePlan.CoverageBenefitComponent benefit, LegacyRow row, String column, String code) {
		BigDecimal value = row.optionalAmount(column);
		if (value != null) {
			benefit.addLimit().setValue(new Quantity().setValue(value))
					.setCode(new CodeableConcept(new Coding(BENEFIT_LIMIT, code, null)));
		}
	}

	private static CodeableConcept limitCode(String code, String display) {
		return new CodeableConcept(new Coding(BENEFIT_LIMIT_IG, code, display));
	}

	private static CodeableConcept medical() {
		return new CodeableConcept(new Coding(PLAN_TYPE, "medical", "Medical"));
	}

	private static List<LegacyRow> concatAll(LegacyRow main, List<LegacyRow> first, List<LegacyRow> second) {
		List<LegacyRow> rows = new ArrayList<>(RegistryRows.concat(main, first));
		rows.addAll(second);
		return rows;
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> ordered(Object... pairs) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (V) pairs[i + 1]);
		}
		return map;
	}
}
