package org.imisfhir.registry.product.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imisfhir.enrolment.rules.ProductTerms;
import org.imisfhir.payment.rules.CapitationLevels;
import org.imisfhir.payment.rules.CapitationTerms;
import org.imisfhir.payment.rules.FacilityLevel;
import org.imisfhir.payment.rules.RelativePricing;

/**
 * A product as written, before any check: every field of openIMIS tblProduct in plain Java. The
 * numbers (amounts, percentages, periods in months, counts) are kept by their openIMIS column
 * name in {@link #values()} (lump_sum, premium_adult, ded_policy_ip, max_no_consultation, ...);
 * an absent number is 0, as in openIMIS. Read it with {@link ProductConsistencyRule} first; the
 * terms other areas use ({@link #enrolmentTerms()}, {@link #relativePricing()}) assume a
 * consistent product.
 */
public record ProductDefinition(
		String code,
		String name,
		String location,
		LocalDate validFrom,
		LocalDate validTo,
		String conversion,
		Set<String> selfReferences,
		List<String> startCycles,
		Map<String, BigDecimal> values,
		String ceilingType,
		String ceilingInterpretation,
		RelativePricing relativePricing,
		List<String> capitationLevels,
		String accountPremiums,
		String accountRemuneration,
		List<CoveredBenefit> benefits) {

	public ProductDefinition {
		selfReferences = Set.copyOf(selfReferences);
		startCycles = List.copyOf(startCycles);
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		relativePricing = relativePricing == null ? RelativePricing.NONE : relativePricing;
		capitationLevels = List.copyOf(capitationLevels);
		benefits = List.copyOf(benefits);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The number stored under an openIMIS column name; 0 when absent. */
	public BigDecimal value(String column) {
		return values.getOrDefault(column, BigDecimal.ZERO);
	}

	public int count(String column) {
		return value(column).intValue();
	}

	public boolean isNational() {
		return location == null;
	}

	public boolean isValidOn(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
	}

	/** The terms enrolment needs (policy dates and value); only for a consistent product. */
	public ProductTerms enrolmentTerms() {
		return ProductTerms.builder()
				.insurancePeriodMonths(count("insurance_period"))
				.administrationPeriodMonths(count("administration_period"))
				.startCycles(startCycles.stream().map(StartCycle::parse).map(Optional::orElseThrow).toArray(MonthDay[]::new))
				.gracePeriodEnrolmentMonths(count("grace_period_enrolment"))
				.gracePeriodRenewalMonths(count("grace_period_renewal"))
				.gracePeriodPaymentMonths(count("grace_period_payment"))
				.lumpSum(value("lump_sum"))
				.threshold(count("threshold"))
				.maxMembers(count("max_members"))
				.premiumAdult(value("premium_adult"))
				.premiumChild(value("premium_child"))
				.registrationLumpSum(value("registration_lump_sum"))
				.registrationFee(value("registration_fee"))
				.generalAssemblyLumpSum(value("general_assembly_lump_sum"))
				.generalAssemblyFee(value("general_assembly_fee"))
				.enrolmentDiscount(value("enrolment_discount_perc"), count("enrolment_discount_period"))
				.renewalDiscount(value("renewal_discount_perc"), count("renewal_discount_period"))
				.maxInstallments(count("max_installments"))
				.build();
	}

	/** The capitation share and weights the batch run uses; only for a consistent product. */
	public CapitationTerms capitationTerms() {
		return new CapitationTerms(value("share_contribution"), value("weight_population"), value("weight_nb_families"),
				value("weight_insured_population"), value("weight_nb_insured_families"), value("weight_nb_visits"),
				value("weight_adjusted_amount"));
	}

	/** The facility levels paid by capitation (written {@code level} or {@code level/sublevel}). */
	public CapitationLevels capitationLevelTerms() {
		return new CapitationLevels(capitationLevels.stream()
				.map(level -> level.split("/", 2))
				.map(parts -> new FacilityLevel(parts[0], parts.length > 1 ? parts[1] : null))
				.toList());
	}

	/** Collects the fields one by one, as a mapper reads them. */
	public static final class Builder {
		private String code;
		private String name;
		private String location;
		private LocalDate validFrom;
		private LocalDate validTo;
		private String conversion;
		private final Set<String> selfReferences = new LinkedHashSet<>();
		private final List<String> startCycles = new ArrayList<>();
		private final Map<String, BigDecimal> values = new LinkedHashMap<>();
		private String ceilingType;
		private String ceilingInterpretation;
		private RelativePricing relativePricing = RelativePricing.NONE;
		private final List<String> capitationLevels = new ArrayList<>();
		private String accountPremiums;
		private String accountRemuneration;
		private final List<CoveredBenefit> benefits = new ArrayList<>();

		private Builder() {}

		public Builder code(String code) {
			this.code = code;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder location(String location) {
			this.location = location;
			return this;
		}

		public Builder validity(LocalDate from, LocalDate to) {
			this.validFrom = from;
			this.validTo = to;
			return this;
		}

		public Builder conversion(String conversion) {
			this.conversion = conversion;
			return this;
		}

		/** A way the product names itself: its code, or {@code InsurancePlan/<id>}. */
		public Builder selfReference(String reference) {
			if (reference != null) {
				selfReferences.add(reference);
			}
			return this;
		}

		public Builder startCycle(String cycle) {
			startCycles.add(cycle);
			return this;
		}

		public Builder value(String column, BigDecimal value) {
			if (value != null) {
				values.put(column, value);
			}
			return this;
		}

		public Builder value(String column, String value) {
			return value(column, new BigDecimal(value));
		}

		public Builder ceilingType(String type) {
			this.ceilingType = type;
			return this;
		}

		public Builder ceilingInterpretation(String interpretation) {
			this.ceilingInterpretation = interpretation;
			return this;
		}

		public Builder relativePricing(RelativePricing pricing) {
			this.relativePricing = pricing;
			return this;
		}

		public Builder capitationLevel(String level) {
			capitationLevels.add(level);
			return this;
		}

		public Builder accounts(String premiums, String remuneration) {
			this.accountPremiums = premiums;
			this.accountRemuneration = remuneration;
			return this;
		}

		public Builder benefit(CoveredBenefit benefit) {
			benefits.add(benefit);
			return this;
		}

		public ProductDefinition build() {
			return new ProductDefinition(code, name, location, validFrom, validTo, conversion, selfReferences,
					startCycles, values, ceilingType, ceilingInterpretation, relativePricing, capitationLevels,
					accountPremiums, accountRemuneration, benefits);
		}
	}
}
