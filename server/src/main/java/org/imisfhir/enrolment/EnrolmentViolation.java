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
	NOT_A_FAMILY_MEMBER("not-a-family-member"),
	INSURANCE_NUMBER_TEMPORARY("insurance-number-temporary"),
	TEMPORARY_NUMBERS_COUNT("temporary-numbers-count"),
	TEMPORARY_NUMBERS_EXHAUSTED("temporary-numbers-exhausted"),
	TEMPORARY_NUMBERS_NOT_AN_OFFICER("temporary-numbers-not-an-officer"),
	TEMPORARY_NUMBER_MALFORMED("temporary-number-malformed"),
	TEMPORARY_NUMBER_NOT_ALLOCATED("temporary-number-not-allocated"),
	TEMPORARY_NUMBER_OTHER_DEVICE("temporary-number-other-device"),
	TEMPORARY_NUMBER_USED("temporary-number-used"),
	INSURANCE_NUMBER_USED("insurance-number-used"),
	INSUREE_ALREADY_ENROLLED("insuree-already-enrolled"),
	FAMILY_RECEIVED_DIFFERENTLY("family-received-differently"),
	STALE_VERSION("stale-version"),
	SYNC_IF_MATCH_REQUIRED("sync-if-match-required"),
	SYNC_ENTRY_UNSUPPORTED("sync-entry-unsupported"),
	SYNC_BUNDLE_REQUIRED("sync-bundle-required"),
	STATUS_UNKNOWN("status-unknown");

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
			case TEMPORARY -> INSURANCE_NUMBER_TEMPORARY;
		};
	}

	public static EnrolmentViolation of(org.imisfhir.enrolment.rules.ContributionRefusal refusal) {
		return switch (refusal) {
			case NOT_POSITIVE -> CONTRIBUTION_NOT_POSITIVE;
			case PAID_AFTER_LAST_DATE_FOR_PAYMENT -> CONTRIBUTION_AFTER_LAST_DATE;
			case TOO_MANY_INSTALLMENTS -> CONTRIBUTION_TOO_MANY_INSTALLMENTS;
		};
	}

	public static EnrolmentViolation of(org.imisfhir.enrolment.rules.OfflineEnrolmentJudge.Reason reason) {
		return switch (reason) {
			case TEMPORARY_NUMBER_MALFORMED -> TEMPORARY_NUMBER_MALFORMED;
			case TEMPORARY_NUMBER_NOT_ALLOCATED -> TEMPORARY_NUMBER_NOT_ALLOCATED;
			case TEMPORARY_NUMBER_OTHER_DEVICE -> TEMPORARY_NUMBER_OTHER_DEVICE;
			case TEMPORARY_NUMBER_USED -> TEMPORARY_NUMBER_USED;
			case INSURANCE_NUMBER_USED -> INSURANCE_NUMBER_USED;
			case INSUREE_ALREADY_ENROLLED -> INSUREE_ALREADY_ENROLLED;
			case FAMILY_RECEIVED_DIFFERENTLY -> FAMILY_RECEIVED_DIFFERENTLY;
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
