package org.imisfhir.registry.catalogue.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the values of one CSV row (column name to text). Each getter throws
 * {@link InvalidValue} naming the column and value when the text is not acceptable.
 */
public final class CsvValues {

	private final Map<String, String> values;

	public CsvValues(Map<String, String> values) {
		this.values = values;
	}

	public String text(String column) {
		String value = values.get(column);
		return value == null ? "" : value.trim();
	}

	public String required(String column) {
		String value = text(column);
		if (value.isEmpty()) {
			throw new InvalidValue(column, value);
		}
		return value;
	}

	/** A code among the allowed ones (case-insensitive, returned in upper case); the default when empty. */
	public String oneOf(String column, Set<String> allowed, String defaultValue) {
		String value = text(column).toUpperCase();
		if (value.isEmpty() && defaultValue != null) {
			return defaultValue;
		}
		if (!allowed.contains(value)) {
			throw new InvalidValue(column, text(column));
		}
		return value;
	}

	/** A non-negative amount (decimal point or comma); null when empty and not required. */
	public BigDecimal amount(String column, boolean required) {
		String value = text(column).replace(" ", "").replace(',', '.');
		if (value.isEmpty()) {
			if (required) {
				throw new InvalidValue(column, value);
			}
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			if (amount.signum() < 0) {
				throw new InvalidValue(column, text(column));
			}
			return amount;
		} catch (NumberFormatException e) {
			throw new InvalidValue(column, text(column));
		}
	}

	/** A whole number from min to max; the default when empty. */
	public Integer integer(String column, int min, int max, Integer defaultValue) {
		String value = text(column);
		if (value.isEmpty()) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw new InvalidValue(column, value);
			}
			return number;
		} catch (NumberFormatException e) {
			throw new InvalidValue(column, value);
		}
	}

	/** An ISO date (YYYY-MM-DD); the default when empty. */
	public String date(String column, String defaultValue) {
		String value = text(column);
		if (value.isEmpty()) {
			return defaultValue;
		}
		try {
			return LocalDate.parse(value).toString();
		} catch (DateTimeParseException e) {
			throw new InvalidValue(column, value);
		}
	}

	/** A value of a column that cannot be used. */
	public static class InvalidValue extends RuntimeException {
		private final String column;
		private final String value;

		public InvalidValue(String column, String value) {
			super("invalid value \"" + value + "\" in column " + column);
			this.column = column;
			this.value = value;
		}

		public String column() {
			return column;
		}

		public String value() {
			return value;
		}
	}
}
