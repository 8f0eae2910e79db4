package org.imisfhir.payment;

import org.imisfhir.outcome.RuleViolation;

/** Why the batch run and the payment operations refuse a request (CodeSystem terminology/imis/CodeSystem-imis-payment-error.json). */
public enum PaymentViolation implements RuleViolation {
	RUN_EXISTS("payment-run-exists"),
	PERIOD_INVALID("payment-period-invalid"),
	PERIOD_FUTURE("payment-period-future"),
	LOCATION_INVALID("payment-location-invalid"),
	NOT_BATCH_RUN("payment-not-batch-run"),
	RUN_NOT_COMPLETED("payment-run-not-completed"),
	RUN_NOT_CANCELLABLE("payment-run-not-cancellable"),
	FORMAT_UNKNOWN("payment-format-unknown");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-payment-error";

	private final String code;

	PaymentViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
