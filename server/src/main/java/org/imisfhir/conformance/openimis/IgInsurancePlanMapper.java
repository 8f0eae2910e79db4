package org.imisfhir.conformance.openimis;

import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * The IG's product extensions that repeat one URL for several meanings, told apart by their order as the IG's
 * profile lists the slices and the openIMIS converter writes them: {@code insurance-plan-period} 1 administration
 * period, 2 payment grace period, 3 renewal grace period, 4 enrolment grace period (months); {@code
 * insurance-plan-discount} 1 renewal, 2 enrolment (parts {@code Percentage}, {@code Period} in months). They are
 * mapped to our named {@code product-periods} and {@code product-discount} when the product has none; the IG's
 * extensions are kept.
 */
final class IgInsurancePlanMapper {

	static final String IG_PERIOD = IgProfiles.IG_PROFILE_BASE + "insurance-plan-period";
	static final String IG_DISCOUNT = IgProfiles.IG_PROFILE_BASE + "insurance-plan-discount";
	static final String OUR_PERIODS = "https://imis-fhir.org/fhir/StructureDefinition/product-periods";
	static final String OUR_DISCOUNT = "https://imis-fhir.org/fhir/StructureDefinition/product-discount";
	/** Our part names, in the IG's slice order. */
	static final List<String> PERIOD_ORDER = List.of("administration", "gracePeriodPayment", "gracePeriodRenewal", "gracePeriodEnrolment");
	static final List<String> DISCOUNT_ORDER = List.of("renewal", "enrolment");

	private IgInsurancePlanMapper() {
	}

	static boolean map(InsurancePlan plan) {
		boolean changed = false;
		List<Extension> periods = plan.getExtensionsByUrl(IG_PERIOD);
		if (!periods.isEmpty() && plan.getExtensionByUrl(OUR_PERIODS) == null) {
			Extension ours = new Extension(OUR_PERIODS);
			for (int i = 0; i < periods.size() && i < PERIOD_ORDER.size(); i++) {
				if (periods.get(i).getValue() instanceof Quantity months && months.hasValue()) {
					ours.addExtension(PERIOD_ORDER.get(i), new UnsignedIntType(months.getValue().setScale(0, java.math.RoundingMode.UNNECESSARY).intValueExact()));
				}
			}
			plan.addExtension(ours);
			changed = true;
		}
		List<Extension> discounts = plan.getExtensionsByUrl(IG_DISCOUNT);
		if (!discounts.isEmpty() && plan.getExtensionByUrl(OUR_DISCOUNT) == null) {
			for (int i = 0; i < discounts.size() && i < DISCOUNT_ORDER.size(); i++) {
				Extension ig = discounts.get(i);
				Extension ours = new Extension(OUR_DISCOUNT);
				ours.addExtension("type", new CodeType(DISCOUNT_ORDER.get(i)));
				if (ig.getExtensionByUrl("Percentage") != null && ig.getExtensionByUrl("Percentage").getValue() instanceof DecimalType percentage) {
					ours.addExtension("percentage", new DecimalType(percentage.getValue()));
				}
				if (ig.getExtensionByUrl("Period") != null && ig.getExtensionByUrl("Period").getValue() instanceof Quantity months
						&& months.hasValue()) {
					ours.addExtension("period", new UnsignedIntType(months.getValue().setScale(0, java.math.RoundingMode.UNNECESSARY).intValueExact()));
				}
				plan.addExtension(ours);
			}
			changed = true;
		}
		return changed;
	}
}
