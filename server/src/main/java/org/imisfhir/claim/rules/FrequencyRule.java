package org.imisfhir.claim.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An item or service with a frequency may not be given again to the same insuree on a claim whose
 * target date is fewer than {@code frequency} days away, before or after (rule-decisions 15).
 */
public final class FrequencyRule {

	public boolean violated(CatalogueEntry entry, LocalDate targetDate, List<EarlierLine> earlierLines) {
		if (!entry.hasFrequency()) {
			return false;
		}
		return earlierLines.stream()
				.filter(earlier -> earlier.ref().equals(entry.ref()))
				.anyMatch(earlier -> Math.abs(ChronoUnit.DAYS.between(earlier.targetDate(), targetDate)) < entry.frequencyDays());
	}
}
