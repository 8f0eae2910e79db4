package org.imisfhir.programme.report.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A month of a programme: the figures of each health facility reported (facility id to figures, in report order)
 * and the programme's own figures (the facility indicators in total, and the voucher indicators).
 */
public record ProgrammeFigures(Map<String, Figures> facilities, Figures programme) {

	/** The figure of each indicator (counts as whole numbers, amounts in the scheme currency). */
	public record Figures(Map<ProgrammeIndicator, BigDecimal> values) {

		public BigDecimal get(ProgrammeIndicator indicator) {
			return values.get(indicator);
		}
	}
}
