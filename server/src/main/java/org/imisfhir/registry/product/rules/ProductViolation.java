package org.imisfhir.registry.product.rules;

import org.imisfhir.outcome.RuleViolation;

/** Why a product (InsurancePlan) is refused; texts in {@code i18n/product[_fr].properties}. */
public enum ProductViolation implements RuleViolation {
	CODE_TOO_LONG("product-code-too-long"),
	DATES_REVERSED("product-dates-reversed"),
	THRESHOLD_ABOVE_MAX_MEMBERS("product-threshold-above-max-members"),
	THRESHOLD_WITHOUT_LUMP_SUM("product-threshold-without-lump-sum"),
	INSURANCE_PERIOD_MISSING("product-insurance-period-missing"),
	TOO_MANY_START_CYCLES("product-too-many-start-cycles"),
	INVALID_START_CYCLE("product-invalid-start-cycle"),
	NEGATIVE_AMOUNT("product-negative-amount"),
	PERCENTAGE_ABOVE_100("product-percentage-above-100"),
	CAPITATION_WEIGHTS("product-capitation-weights"),
	CONVERSION_TO_ITSELF("product-conversion-to-itself"),
	DISTRIBUTION_MISSING_PERIOD("product-distribution-missing-period"),
	DISTRIBUTION_INVALID_SHARE("product-distribution-invalid-share"),
	DISTRIBUTION_SUM("product-distribution-sum"),
	BENEFIT_GROUP_INVALID("product-benefit-group-invalid");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-product-error";

	private final String code;

	ProductViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
