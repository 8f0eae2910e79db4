package org.imisfhir.payment.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A processed claim of one product, waiting for the batch run.
 *
 * @param careType IN_PATIENT or OUT_PATIENT, already decided by the product's ceiling
 *     interpretation (claim duration or facility type)
 * @param processedAt when the claim was processed; the day decides its period (rule-decisions 27)
 */
public record BatchClaim(
		String claimCode,
		String facilityCode,
		FacilityLevel facilityLevel,
		CareType careType,
		LocalDateTime processedAt,
		List<BatchClaimLine> lines) {

	public BatchClaim {
		Objects.requireNonNull(claimCode, "claimCode");
		Objects.requireNonNull(facilityCode, "facilityCode");
		Objects.requireNonNull(facilityLevel, "facilityLevel");
		Objects.requireNonNull(processedAt, "processedAt");
		if (careType != CareType.IN_PATIENT && careType != CareType.OUT_PATIENT) {
			throw new IllegalArgumentException("a claim is in-patient or out-patient: " + careType);
		}
		lines = List.copyOf(lines);
	}

	public boolean hasRelativePricedLines() {
		return lines.stream().anyMatch(BatchClaimLine::isPassedRelative);
	}
}
