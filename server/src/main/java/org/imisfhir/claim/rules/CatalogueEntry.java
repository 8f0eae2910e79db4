package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A medical item or service as the catalogue defines it. {@code validTo} is set when the entry was
 * deleted or replaced; {@code patientCategory} is the openIMIS bitmask (see {@link PatientCategory});
 * {@code frequencyDays} null or 0 means no frequency limit; {@code category} and
 * {@code packageType} apply to services only.
 */
public record CatalogueEntry(
		MedicalRef ref,
		LocalDate validFrom,
		LocalDate validTo,
		CareType careType,
		int patientCategory,
		Integer frequencyDays,
		ServiceCategory category,
		PackageType packageType,
		BigDecimal price) {

	public CatalogueEntry {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(price, "price");
		careType = careType == null ? CareType.BOTH : careType;
		packageType = packageType == null ? PackageType.SIMPLE : packageType;
	}

	public boolean validOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

	public boolean hasFrequency() {
		return frequencyDays != null && frequencyDays > 0;
	}
}
