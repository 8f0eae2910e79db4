package org.imisfhir.migration.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.registry.product.InsurancePlanMapper;

/**
 * The reconciliation of an import: per table, the number of current rows and the money totals in the export
 * (product lump sums, policy values, premium amounts, claims claimed and approved) beside the same figures
 * read back from the resources stored for those rows. Exact decimals; a figure is equal only when both sides
 * are the same number.
 */
public final class Reconciliation {

	public static final String ROWS = "rows";

	/** The money columns totalled per table. */
	public static final Map<LegacyTable, List<String>> MONEY = Map.of(
			LegacyTable.PRODUCTS, List.of("LumpSum"),
			LegacyTable.POLICIES, List.of("PolicyValue"),
			LegacyTable.PREMIUMS, List.of("Amount"),
			LegacyTable.CLAIMS, List.of("Claimed", "Approved"));

	/** One figure: a count or a total, in the export and as loaded. */
	public record Figure(LegacyTable table, String measure, BigDecimal source, BigDecimal loaded) {
		public boolean equal() {
			return source.compareTo(loaded) == 0;
		}
	}

	private Reconciliation() {}

	/** The figures of a table's current rows: their number and the sum of each money column (an unreadable value counts 0). */
	public static Map<String, BigDecimal> sourceFigures(LegacyTable table, List<LegacyRow> rows) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		figures.put(ROWS, BigDecimal.valueOf(rows.size()));
		for (String column : MONEY.getOrDefault(table, List.of())) {
			BigDecimal total = BigDecimal.ZERO;
			for (LegacyRow row : rows) {
				try {
					total = total.add(row.amount(column));
				} catch (RowRefusal unreadable) {
					// the row is refused; its value is not part of what can be loaded
				}
			}
			figures.put(column, total);
		}
		return figures;
	}

	/**
	 * The same figures read from the stored resources of the table's rows (for a detail table: the stored
	 * resources of the record table, whose entries or lines are counted).
	 */
	public static Map<String, BigDecimal> loadedFigures(LegacyTable table, List<? extends Resource> stored) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		figures.put(ROWS, BigDecimal.valueOf(count(table, stored)));
		for (String column : MONEY.getOrDefault(table, List.of())) {
			BigDecimal total = BigDecimal.ZERO;
			for (Resource resource : stored) {
				total = total.add(amount(column, resource));
			}
			figures.put(column, total);
		}
		return figures;
	}

	/** Source and loaded figures side by side, in the source's order of measures. */
	public static List<Figure> compare(LegacyTable table, Map<String, BigDecimal> source, Map<String, BigDecimal> loaded) {
		List<Figure> figures = new ArrayList<>();
		source.forEach((measure, value) -> figures.add(new Figure(table, measure, value, loaded.getOrDefault(measure, BigDecimal.ZERO))));
		return figures;
	}

	private static long count(LegacyTable table, List<? extends Resource> stored) {
		return switch (table) {
			case SERVICE_PRICE_LIST_DETAILS, ITEM_PRICE_LIST_DETAILS -> stored.stream()
					.filter(ChargeItemDefinition.class::isInstance).mapToLong(r -> ((ChargeItemDefinition) r).getPropertyGroup().size()).sum();
			case PRODUCT_SERVICES, PRODUCT_ITEMS -> stored.stream().filter(InsurancePlan.class::isInstance)
					.flatMap(r -> ((InsurancePlan) r).getCoverage().stream())
					.filter(c -> (table == LegacyTable.PRODUCT_SERVICES ? "service" : "item").equals(c.getType().getCodingFirstRep().getCode()))
					.mapToLong(c -> c.getBenefit().size()).sum();
			case CLAIM_SERVICES, CLAIM_ITEMS -> stored.stream().filter(Claim.class::isInstance)
					.flatMap(r -> ((Claim) r).getItem().stream())
					.filter(i -> (table == LegacyTable.CLAIM_SERVICES ? "service" : "item").equals(i.getCategory().getCodingFirstRep().getCode()))
					.count();
			case CLAIMS -> stored.stream().filter(Claim.class::isInstance).count();
			default -> stored.size();
		};
	}

	private static BigDecimal amount(String column, Resource resource) {
		Money money = switch (column) {
			case "LumpSum" -> resource instanceof InsurancePlan plan ? lumpSum(plan) : null;
			case "PolicyValue" -> resource instanceof Coverage policy ? policyValue(policy) : null;
			case "Amount" -> resource instanceof PaymentNotice notice ? notice.getAmount() : null;
			case "Claimed" -> resource instanceof Claim claim ? claim.getTotal() : null;
			case "Approved" -> resource instanceof ClaimResponse response ? total(response, "4") : null;
			default -> null;
		};
		return money == null || money.getValue() == null ? BigDecimal.ZERO : money.getValue();
	}

	private static Money lumpSum(InsurancePlan plan) {
		for (InsurancePlan.InsurancePlanPlanComponent part : plan.getPlan()) {
			for (InsurancePlan.InsurancePlanPlanGeneralCostComponent cost : part.getGeneralCost()) {
				if (cost.getType().getCoding().stream().anyMatch(c -> InsurancePlanMapper.GENERAL_COST_TYPE.equals(c.getSystem())
						&& "lumpsum".equals(c.getCode()))) {
					return cost.getCost();
				}
			}
		}
		return null;
	}

	private static Money policyValue(Coverage policy) {
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		Extension value = details == null ? null : details.getExtensionByUrl("value");
		return value == null ? null : (Money) value.getValue();
	}

	private static Money total(ClaimResponse response, String stage) {
		return response.getTotal().stream()
				.filter(t -> t.getCategory().getCoding().stream().anyMatch(c -> ClaimProfiles.STATUS_SYSTEM.equals(c.getSystem()) && stage.equals(c.getCode())))
				.map(ClaimResponse.TotalComponent::getAmount)
				.findFirst()
				.orElse(null);
	}
}
