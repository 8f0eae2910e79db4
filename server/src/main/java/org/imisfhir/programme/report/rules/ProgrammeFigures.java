package org.imisfhir.programme.report.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A month of a programme: the figures of each health facility reported (facility id to figures, in report order)
 * and the programme's own figures (the facility indicators in total, and the voucher indicators).
 */
public record ProgrammeFigures(Map<String, Figures> facilities, Figures programme) {

	/**
	 * The figure of each indicator (counts as whole numbers, amounts in the scheme currency); an indicator without
	 * figure (the vouchers, for a user limited to some facilities) is absent.
	 */
	public record Figures(Map<ProgrammeIndicator, BigDecimal> values) {

		/** The figure, or null when the indicator has none. */
		public BigDecimal get(ProgrammeIndicator indicator) {
			return values.get(indicator);
		}
	}
}
