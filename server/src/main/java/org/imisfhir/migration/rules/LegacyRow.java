package org.imisfhir.migration.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * One row of an openIMIS table as exported to CSV, read by its openIMIS column names. An empty cell and the text
 * NULL (what SQL Server writes for a null) are both absent. Each reader throws {@link RowRefusal} naming the row,
 * the table and the column when the value cannot be used.
 */
public record LegacyRow(LegacyTable table, int line, Map<String, String> values) {

	/** The text of a column (trimmed), empty when absent. */
	public String text(String column) {
		String value = values.get(column);
		if (value == null) {
			return "";
		}
		String trimmed = value.trim();
		return "NULL".equalsIgnoreCase(trimmed) ? "" : trimmed;
	}

	public boolean has(String column) {
		return !text(column).isEmpty();
	}

	public String required(String column) {
		String value = text(column);
		if (value.isEmpty()) {
			throw RowRefusal.missing(this, column);
		}
		return value;
	}

	/** The row's legacy id (its table's id column). */
	public String id() {
		return required(table.idColumn());
	}

	/** A code among the allowed ones (upper case); the default when absent (null default: required). */
	public String oneOf(String column, Set<String> allowed, String defaultValue) {
		String value = text(column).toUpperCase();
		if (value.isEmpty()) {
			if (defaultValue == null) {
				throw RowRefusal.missing(this, column);
			}
			return defaultValue;
		}
		if (!allowed.contains(value)) {
			throw RowRefusal.invalid(this, column);
		}
		return value;
	}

	/** A date; openIMIS exports write 2024-03-05, 2024-03-05 00:00:00(.000) or 2024-03-05T00:00:00. Null when absent. */
	public LocalDate date(String column) {
		String value = text(column);
		if (value.isEmpty()) {
			return null;
		}
		String day = value.length() >= 10 ? value.substring(0, 10) : value;
		try {
			LocalDate date = LocalDate.parse(day);
			if (value.length() > 10 && value.charAt(10) != ' ' && value.charAt(10) != 'T') {
				throw RowRefusal.invalid(this, column);
			}
			return date;
		} catch (DateTimeParseException e) {
			throw RowRefusal.invalid(this, column);
		}
	}

	public LocalDate requiredDate(String column) {
		LocalDate date = date(column);
		if (date == null) {
			throw RowRefusal.missing(this, column);
		}
		return date;
	}

	/** A non-negative decimal amount, exact; zero when absent. */
	public BigDecimal amount(String column) {
		BigDecimal amount = optionalAmount(column);
		return amount == null ? BigDecimal.ZERO : amount;
	}

	/** A non-negative decimal amount, exact; null when absent. */
	public BigDecimal optionalAmount(String column) {
		String value = text(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			if (amount.signum() < 0) {
				throw RowRefusal.invalid(this, column);
			}
			return amount;
		} catch (NumberFormatException e) {
			throw RowRefusal.invalid(this, column);
		}
	}

	/** A whole number from min to max; the default when absent. */
	public Integer integer(String column, int min, int max, Integer defaultValue) {
		String value = text(column);
		if (value.isEmpty()) {
			return defaultValue;
		}
		try {
			int number = new BigDecimal(value).intValueExact();
			if (number < min || number > max) {
				throw RowRefusal.invalid(this, column);
			}
			return number;
		} catch (NumberFormatException | ArithmeticException e) {
			throw RowRefusal.invalid(this, column);
		}
	}

	/** A bit column: 1/0, True/False; the default when absent. */
	public boolean flag(String column, boolean defaultValue) {
		String value = text(column).toLowerCase();
		return switch (value) {
			case "" -> defaultValue;
			case "1", "true" -> true;
			case "0", "false" -> false;
			default -> throw RowRefusal.invalid(this, column);
		};
	}
}
