package org.imisfhir.enrolment;

import org.imisfhir.enrolment.rules.InsuranceNumberRefusal;
import org.imisfhir.outcome.RuleViolation;

/** Why enrolment refuses a write (CodeSystem terminology/imis/CodeSystem-imis-enrolment-error.json). */
public enum EnrolmentViolation implements RuleViolation {
	INSURANCE_NUMBER_MISSING("insurance-number-missing"),
	INSURANCE_NUMBER_EMPTY("insurance-number-empty"),
	INSURANCE_NUMBER_RESERVED("insurance-number-reserved"),
	INSURANCE_NUMBER_WRONG_LENGTH("insurance-number-wrong-length"),
	INSURANCE_NUMBER_NOT_NUMERIC("insurance-number-not-numeric"),
	INSURANCE_NUMBER_BAD_CHECK_DIGIT("insurance-number-bad-check-digit"),
	STATUS_REASON_REQUIRED("status-reason-required"),
	FAMILY_HEAD_COUNT("family-head-count"),
	FAMILY_VILLAGE_NOT_VILLAGE("family-village-not-village"),
	FAMILY_MEMBER_MISSING("family-member-missing"),
	ENROL_MEMBERS_REQUIRED("enrol-members-required"),
	ENROL_FAMILY_REQUIRED("enrol-family-required"),
	PRODUCT_UNKNOWN("product-unknown"),
	PRODUCT_NOT_VALID("product-not-valid"),
	QUOTE_MEMBERS_REQUIRED("quote-members-required"),
	CONTRIBUTION_POLICY_UNKNOWN("contribution-policy-unknown"),
	CONTRIBUTION_NOT_POSITIVE("contribution-not-positive"),
	CONTRIBUTION_AFTER_LAST_DATE("contribution-after-last-date"),
	CONTRIBUTION_TOO_MANY_INSTALLMENTS("contribution-too-many-installments"),
	RENEWAL_EXISTS("renewal-exists"),
	FAMILY_HEAD_CANNOT_LEAVE("family-head-cannot-leave"),
	NOT_A_FAMILY_MEMBER("not-a-family-member");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-enrolment-error";

	private final String code;

	EnrolmentViolation(String code) {
		this.code = code;
	}

	public static EnrolmentViolation of(InsuranceNumberRefusal refusal) {
		return switch (refusal) {
			case EMPTY -> INSURANCE_NUMBER_EMPTY;
			case RESERVED -> INSURANCE_NUMBER_RESERVED;
			case WRONG_LENGTH -> INSURANCE_NUMBER_WRONG_LENGTH;
			case NOT_NUMERIC -> INSURANCE_NUMBER_NOT_NUMERIC;
			case BAD_CHECK_DIGIT -> INSURANCE_NUMBER_BAD_CHECK_DIGIT;
		};
	}

	public static EnrolmentViolation of(org.imisfhir.enrolment.rules.ContributionRefusal refusal) {
		return switch (refusal) {
			case NOT_POSITIVE -> CONTRIBUTION_NOT_POSITIVE;
			case PAID_AFTER_LAST_DATE_FOR_PAYMENT -> CONTRIBUTION_AFTER_LAST_DATE;
			case TOO_MANY_INSTALLMENTS -> CONTRIBUTION_TOO_MANY_INSTALLMENTS;
		};
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
