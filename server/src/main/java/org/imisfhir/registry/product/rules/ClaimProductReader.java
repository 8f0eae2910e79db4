package org.imisfhir.registry.product.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.imisfhir.claim.rules.AllowanceTerms;
import org.imisfhir.claim.rules.CategoryMaxima;
import org.imisfhir.claim.rules.CeilingExclusion;
import org.imisfhir.claim.rules.CeilingInterpretation;
import org.imisfhir.claim.rules.ExtraMemberCeiling;
import org.imisfhir.claim.rules.LevelAmounts;
import org.imisfhir.claim.rules.LimitTerms;
import org.imisfhir.claim.rules.Limitation;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.PriceOrigin;
import org.imisfhir.claim.rules.Product;
import org.imisfhir.claim.rules.ProductCoverage;
import org.imisfhir.claim.rules.ServiceCategory;
import org.imisfhir.claim.rules.VisitType;

/**
 * The terms of a consistent product that claims need ({@link Product}): deductibles and ceilings
 * per level with their in/out-patient variants, the extra-member ceiling, the ceiling
 * interpretation, the category maxima and how each service and item is covered. A covered
 * service or item without a price origin is priced from the price list (P), without a limitation
 * type it is a fixed amount (F); a referral or emergency limitation without its own limits uses
 * the ordinary ones.
 */
public final class ClaimProductReader {

	private static final Map<ServiceCategory, String> CATEGORY_COLUMNS = Map.of(
			ServiceCategory.CONSULTATION, "consultation",
			ServiceCategory.SURGERY, "surgery",
			ServiceCategory.DELIVERY, "delivery",
			ServiceCategory.HOSPITALIZATION, "hospitalization",
			ServiceCategory.VISIT, "visits",
			ServiceCategory.ANTENATAL, "antenatal");

	private ClaimProductReader() {}

	public static Product read(ProductDefinition product) {
		AllowanceTerms deductibles = new AllowanceTerms(
				levels(product, "ded_treatment"), levels(product, "ded_insuree"), levels(product, "ded_policy"));
		AllowanceTerms ceilings = new AllowanceTerms(
				levels(product, "max_treatment"), levels(product, "max_insuree"), levels(product, "max_policy"));
		ExtraMemberCeiling extraMember = new ExtraMemberCeiling(product.count("threshold"),
				levels(product, "max_policy_extra_member"), levels(product, "max_ceiling_policy"));
		CeilingInterpretation interpretation = "H".equals(product.ceilingInterpretation())
				? CeilingInterpretation.FACILITY_LEVEL : CeilingInterpretation.CLAIM_TYPE;
		Map<ServiceCategory, Integer> counts = new EnumMap<>(ServiceCategory.class);
		Map<ServiceCategory, BigDecimal> amounts = new EnumMap<>(ServiceCategory.class);
		CATEGORY_COLUMNS.forEach((category, column) -> {
			if (product.values().containsKey("max_no_" + column)) {
				counts.put(category, product.count("max_no_" + column));
			}
			if (product.values().containsKey("max_amount_" + column)) {
				amounts.put(category, product.value("max_amount_" + column));
			}
		});
		List<ProductCoverage> coverages = product.benefits().stream().map(ClaimProductReader::coverage).toList();
		return new Product(product.code(), deductibles, ceilings, extraMember, interpretation,
				new CategoryMaxima(counts, amounts), coverages);
	}

	private static LevelAmounts levels(ProductDefinition product, String column) {
		return new LevelAmounts(product.values().get(column), product.values().get(column + "_ip"), product.values().get(column + "_op"));
	}

	private static ProductCoverage coverage(CoveredBenefit benefit) {
		MedicalRef ref = benefit.kind() == CoveredBenefit.Kind.ITEM ? MedicalRef.item(benefit.code()) : MedicalRef.service(benefit.code());
		LimitTerms normal = new LimitTerms(limitation(benefit.limitationType()), benefit.limit("limit-adult"), benefit.limit("limit-child"));
		return new ProductCoverage(ref, priceOrigin(benefit.priceOrigin()),
				normal,
				variant(benefit, benefit.limitationTypeReferral(), "referral", normal),
				variant(benefit, benefit.limitationTypeEmergency(), "emergency", normal),
				months(benefit.limit("waiting-period-adult")), months(benefit.limit("waiting-period-child")),
				months(benefit.limit("max-quantity-adult")), months(benefit.limit("max-quantity-child")),
				exclusion(benefit.ceilingExclusionAdult()), exclusion(benefit.ceilingExclusionChild()),
				benefit.codePattern() ? Pattern.compile(benefit.code()) : null, visitTypes(benefit.visitTypes()));
	}

	private static LimitTerms variant(CoveredBenefit benefit, String type, String visit, LimitTerms normal) {
		BigDecimal adult = benefit.limit("limit-adult-" + visit);
		BigDecimal child = benefit.limit("limit-child-" + visit);
		if (type == null && adult == null && child == null) {
			return normal;
		}
		return new LimitTerms(type == null ? normal.type() : limitation(type),
				adult == null ? normal.adult() : adult, child == null ? normal.child() : child);
	}

	private static Set<VisitType> visitTypes(List<String> codes) {
		Set<VisitType> types = EnumSet.noneOf(VisitType.class);
		for (VisitType type : VisitType.values()) {
			if (codes.contains(type.code())) {
				types.add(type);
			}
		}
		return types;
	}

	private static Integer months(BigDecimal value) {
		return value == null ? null : value.intValue();
	}

	private static Limitation limitation(String code) {
		return "C".equals(code) ? Limitation.CO_INSURANCE : Limitation.FIXED;
	}

	private static PriceOrigin priceOrigin(String code) {
		for (PriceOrigin origin : PriceOrigin.values()) {
			if (origin.code().equals(code)) {
				return origin;
			}
		}
		return PriceOrigin.PRICE_LIST;
	}

	private static CeilingExclusion exclusion(String code) {
		for (CeilingExclusion exclusion : CeilingExclusion.values()) {
			if (exclusion != CeilingExclusion.NONE && exclusion.code().equals(code)) {
				return exclusion;
			}
		}
		return CeilingExclusion.NONE;
	}
}
