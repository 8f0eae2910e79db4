package org.imisfhir.payment.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periods a batch run for (year, month) closes: the month always, the quarter in months
 * 3/6/9/12 and the year in month 12.
 */
public record BatchPeriod(int year, int month) {

	public BatchPeriod {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("month must be 1-12: " + month);
		}
	}

	public Period monthPeriod() {
		return Period.month(year, month);
	}

	public Optional<Period> quarterPeriod() {
		return month % 3 == 0 ? Optional.of(Period.quarter(year, month / 3)) : Optional.empty();
	}

	public Optional<Period> yearPeriod() {
		return month == 12 ? Optional.of(Period.wholeYear(year)) : Optional.empty();
	}

	/** The period of this type that the run closes, or empty when that type is not due this month. */
	public Optional<Period> periodOf(PeriodType type) {
		return switch (type) {
			case MONTH -> Optional.of(monthPeriod());
			case QUARTER -> quarterPeriod();
			case YEAR -> yearPeriod();
		};
	}

	/** All periods the run closes, shortest first. */
	public List<Period> periods() {
		List<Period> periods = new ArrayList<>();
		periods.add(monthPeriod());
		quarterPeriod().ifPresent(periods::add);
		yearPeriod().ifPresent(periods::add);
		return List.copyOf(periods);
	}
}
