package org.imisfhir.payment.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One month, quarter or year of a calendar year, made of whole days (rule-decisions 27): it runs
 * from the first day at 00:00 to the end of the last day.
 *
 * @param number 1-12 for a month, 1-4 for a quarter, 1 for the year
 */
public record Period(PeriodType type, int year, int number) {

	public Period {
		Objects.requireNonNull(type, "type");
		if (number < 1 || number > type.periodsPerYear()) {
			throw new IllegalArgumentException(type + " number must be 1-" + type.periodsPerYear() + ": " + number);
		}
	}

	public static Period month(int year, int month) {
		return new Period(PeriodType.MONTH, year, month);
	}

	public static Period quarter(int year, int quarter) {
		return new Period(PeriodType.QUARTER, year, quarter);
	}

	public static Period wholeYear(int year) {
		return new Period(PeriodType.YEAR, year, 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (number - 1) * type.monthsPerPeriod() + 1, 1);
	}

	public LocalDate lastDay() {
		return firstDay().plusMonths(type.monthsPerPeriod()).minusDays(1);
	}

	/** Days in the period, both ends counted. */
	public long days() {
		return ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
	}

	/** Any time on the last day still belongs to the period (rule-decisions 27). */
	public boolean contains(LocalDateTime moment) {
		return contains(moment.toLocalDate());
	}
}
