package org.imisfhir.registry.catalogue.rules;

/**
 * The result of one import row: its line in the file (1 is the header; for a Bundle, the entry number), the
 * code it carries, what was done, the resource written (Type/id) and, when refused, why.
 */
public record RowReport(int line, String code, RowOutcome outcome, String resource, String reason) {

	public static RowReport refused(int line, String code, String reason) {
		return new RowReport(line, code, RowOutcome.REFUSED, null, reason);
	}
}
