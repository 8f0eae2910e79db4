package org.imisfhir.registry.catalogue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;

/**
 * The version of a service valid on a date, from its versions (HAPI's {@code _history}): the version with the
 * latest {@code effectivePeriod.start} on or before the date whose end, if any, is not before it. See
 * docs/decisions/0010-catalogue-representation.md.
 */
public final class PriceHistory {

	private PriceHistory() {}

	public static Optional<ActivityDefinition> versionValidOn(List<ActivityDefinition> versions, LocalDate date) {
		return versions.stream()
				.filter(version -> covers(version.getEffectivePeriod(), date))
				.max(Comparator.comparing((ActivityDefinition version) -> start(version.getEffectivePeriod()))
						.thenComparing(version -> version.getMeta().getLastUpdated()));
	}

	static boolean covers(Period period, LocalDate date) {
		LocalDate start = start(period);
		boolean started = !start.isAfter(date);
		boolean notEnded = period.getEnd() == null || !toDate(period.getEndElement()).isBefore(date);
		return started && notEnded;
	}

	private static LocalDate start(Period period) {
		return period.getStart() == null ? LocalDate.MIN : toDate(period.getStartElement());
	}

	/** The calendar date as written (the first 10 characters), whatever the server's time zone. */
	private static LocalDate toDate(DateTimeType value) {
		return LocalDate.parse(value.getValueAsString().substring(0, 10));
	}
}
