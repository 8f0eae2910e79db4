package org.imisfhir.subscription;

import org.imisfhir.outcome.RuleViolation;

/** Why a Subscription is refused (CodeSystem terminology/imis/CodeSystem-imis-subscription-error.json). */
public enum SubscriptionViolation implements RuleViolation {
	DISABLED("subscriptions-disabled"),
	STATUS_INVALID("status-invalid"),
	CHANNEL_NOT_SUPPORTED("channel-not-supported"),
	ENDPOINT_INVALID("endpoint-invalid"),
	PAYLOAD_NOT_SUPPORTED("payload-not-supported"),
	CRITERIA_INVALID("criteria-invalid"),
	TYPE_NOT_READABLE("type-not-readable"),
	OUT_OF_SCOPE("criteria-out-of-scope"),
	NOT_NARROWABLE("criteria-not-narrowable"),
	PAYLOAD_CRITERIA_REFUSED("payload-criteria-refused"),
	NOT_OWNER("not-owner");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-subscription-error";

	private final String code;

	SubscriptionViolation(String code) {
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
