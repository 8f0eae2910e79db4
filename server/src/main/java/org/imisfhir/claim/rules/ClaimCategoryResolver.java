package org.imisfhir.claim.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The category of a claim: the first of surgery, delivery, antenatal, hospitalisation and
 * consultation found among its services (an in-patient claim counts as hospitalisation), else
 * visit (rule-decisions 16, which also sends claims with only "other" services to visit).
 */
public final class ClaimCategoryResolver {

	private static final List<ServiceCategory> PRECEDENCE = List.of(
			ServiceCategory.SURGERY,
			ServiceCategory.DELIVERY,
			ServiceCategory.ANTENATAL,
			ServiceCategory.HOSPITALIZATION,
			ServiceCategory.CONSULTATION);

	public ServiceCategory resolve(Claim claim, Catalogue catalogue) {
		Set<ServiceCategory> present = EnumSet.noneOf(ServiceCategory.class);
		claim.lines().stream()
				.filter(line -> line.ref().isService())
				.flatMap(line -> catalogue.find(line.ref()).stream())
				.map(CatalogueEntry::category)
				.filter(category -> category != null)
				.forEach(present::add);
		if (claim.isInPatient()) {
			present.add(ServiceCategory.HOSPITALIZATION);
		}
		return PRECEDENCE.stream().filter(present::contains).findFirst().orElse(ServiceCategory.VISIT);
	}
}
