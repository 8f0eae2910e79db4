package org.imisfhir.migration.rules;

import java.util.List;
import java.util.Locale;
import org.imisfhir.outcome.Messages;

/** Why a row (and the record it belongs to) is not loaded: a coded reason with its arguments, shown in either language. */
public final class RowRefusal extends RuntimeException {

	private final MigrationViolation violation;
	private final transient List<Object> arguments;

	public RowRefusal(MigrationViolation violation, Object... arguments) {
		super(violation.code());
		this.violation = violation;
		this.arguments = List.of(arguments);
	}

	public MigrationViolation violation() {
		return violation;
	}

	public List<Object> arguments() {
		return arguments;
	}

	public String text(Locale locale) {
		return Messages.text(violation.messageKey(), locale, arguments.toArray());
	}

	/** A value of a column that cannot be used. */
	public static RowRefusal invalid(LegacyRow row, String column) {
		return new RowRefusal(MigrationViolation.VALUE_INVALID, row.line(), row.table().tableName(), row.text(column), column);
	}

	public static RowRefusal missing(LegacyRow row, String column) {
		return new RowRefusal(MigrationViolation.VALUE_MISSING, row.line(), row.table().tableName(), column);
	}

	/** The row refers to a row of another table that is not in the export or was not loaded. */
	public static RowRefusal unknown(LegacyRow row, String column, LegacyTable referred) {
		return new RowRefusal(MigrationViolation.REFERENCE_UNKNOWN, row.line(), row.table().tableName(), column,
				row.text(column), referred.tableName());
	}
}
