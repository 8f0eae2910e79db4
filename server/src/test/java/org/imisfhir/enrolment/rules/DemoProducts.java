package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.time.MonthDay;

/** Products shaped like the openIMIS demo data. */
final class DemoProducts {

	private DemoProducts() {
	}

	/**
	 * FCUL0001 "Fixed Cycle Cover Ultha": 12 months, cycles 1 June and 1 November, 4000 per adult and
	 * per child. Its other terms are left unset here.
	 */
	static ProductTerms.Builder fixedCycleCoverUltha() {
		return ProductTerms.builder()
				.insurancePeriodMonths(12)
				.startCycles(MonthDay.of(6, 1), MonthDay.of(11, 1))
				.premiumAdult(new BigDecimal("4000"))
				.premiumChild(new BigDecimal("4000"));
	}
}
