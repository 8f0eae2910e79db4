package org.imisfhir.claim.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The health facility of a claim with its item and service price lists (as one list). */
public record Facility(FacilityLevel level, CareType careType, List<PriceListEntry> priceList) {

	public Facility {
		Objects.requireNonNull(level, "level");
		careType = careType == null ? CareType.BOTH : careType;
		priceList = List.copyOf(priceList);
	}

	public Optional<PriceListEntry> priceListEntry(MedicalRef ref) {
		return priceList.stream().filter(entry -> entry.ref().equals(ref)).findFirst();
	}
}
