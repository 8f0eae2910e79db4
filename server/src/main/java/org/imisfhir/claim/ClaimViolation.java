package org.imisfhir.claim;

import org.imisfhir.outcome.RuleViolation;

/** Why the claims workflow refuses a request (CodeSystem terminology/imis/CodeSystem-imis-claim-error.json). */
public enum ClaimViolation implements RuleViolation {
	CODE_MISSING("claim-code-missing"),
	CODE_DUPLICATE("claim-code-duplicate"),
	SERVICE_DUPLICATE("claim-service-duplicate"),
	PATIENT_UNKNOWN("claim-patient-unknown"),
	FACILITY_UNKNOWN("claim-facility-unknown"),
	LINE_UNIDENTIFIED("claim-line-unidentified"),
	NOT_ENTERED("claim-not-entered"),
	NOT_CHECKED("claim-not-checked"),
	NOT_REJECTED("claim-not-rejected"),
	SUBMIT_NOTHING("claim-submit-nothing"),
	RETURN_REASON_REQUIRED("claim-return-reason-required"),
	REVIEW_LINE_UNKNOWN("claim-review-line-unknown"),
	REVIEW_VALUE_INVALID("claim-review-value-invalid"),
	REVIEW_JUSTIFICATION_REQUIRED("claim-review-justification-required"),
	WORKFLOW_READ_ONLY("claim-workflow-read-only"),
	ELIGIBILITY_PATIENT_REQUIRED("eligibility-patient-required"),
	SELECTION_PURPOSE("claim-selection-purpose"),
	FEEDBACK_ANSWER_INVALID("claim-feedback-answer-invalid");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-claim-error";

	private final String code;

	ClaimViolation(String code) {
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
