package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A claim as submitted: {@code dateTo} null means a single day; {@code visitType} null means other. */
public record Claim(
		String code,
		LocalDate dateFrom,
		LocalDate dateTo,
		LocalDate dateClaimed,
		VisitType visitType,
		List<ClaimLine> lines) {

	public Claim {
		Objects.requireNonNull(code, "code");
		visitType = visitType == null ? VisitType.OTHER : visitType;
		lines = List.copyOf(lines);
	}

	/** The date every check is made on: date from, or date to when only that is known. */
	public LocalDate targetDate() {
		return dateFrom != null ? dateFrom : dateTo;
	}

	/** A claim spanning several days is an in-patient claim. */
	public boolean isInPatient() {
		return dateFrom != null && dateTo != null && !dateTo.equals(dateFrom);
	}
}
