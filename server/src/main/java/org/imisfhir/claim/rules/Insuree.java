package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.util.Objects;

/** The patient of a claim; {@code valid} is false when the insuree was deleted or has no valid family. */
public record Insuree(String id, LocalDate birthDate, Gender gender, boolean valid) {

	public Insuree {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(birthDate, "birthDate");
		Objects.requireNonNull(gender, "gender");
	}

	public boolean isAdultOn(LocalDate date, int ageOfMajority) {
		return !birthDate.plusYears(ageOfMajority).isAfter(date);
	}
}
