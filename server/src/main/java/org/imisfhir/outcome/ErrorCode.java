package org.imisfhir.outcome;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The reasons a request is refused, as coded in our CodeSystem {@value #SYSTEM}. Each code has an English and
 * a French text in the {@code i18n/outcome} message bundles; business areas add their own codes to both.
 */
public enum ErrorCode {
	MALFORMED_REQUEST("malformed-request", 400, IssueType.STRUCTURE),
	INVALID_REQUEST("invalid-request", 400, IssueType.INVALID),
	UNAUTHENTICATED("unauthenticated", 401, IssueType.LOGIN),
	FORBIDDEN("forbidden", 403, IssueType.FORBIDDEN),
	NOT_FOUND("not-found", 404, IssueType.NOTFOUND),
	METHOD_NOT_ALLOWED("method-not-allowed", 405, IssueType.NOTSUPPORTED),
	CONFLICT("conflict", 409, IssueType.CONFLICT),
	DUPLICATE("duplicate", 409, IssueType.DUPLICATE),
	GONE("deleted", 410, IssueType.DELETED),
	PRECONDITION_FAILED("precondition-failed", 412, IssueType.CONFLICT),
	PROFILE_VIOLATION("profile-violation", 422, IssueType.INVARIANT),
	UNPROCESSABLE("unprocessable", 422, IssueType.PROCESSING),
	BUSINESS_RULE("business-rule", 422, IssueType.BUSINESSRULE),
	INTERNAL_ERROR("internal-error", 500, IssueType.EXCEPTION),
	NOT_IMPLEMENTED("not-implemented", 501, IssueType.NOTSUPPORTED);

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-error";

	private final String code;
	private final int httpStatus;
	private final IssueType issueType;

	ErrorCode(String code, int httpStatus, IssueType issueType) {
		this.code = code;
		this.httpStatus = httpStatus;
		this.issueType = issueType;
	}

	public String code() {
		return code;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public IssueType issueType() {
		return issueType;
	}

	/** Key of the general text of this code in the message bundles. */
	public String messageKey() {
		return "error." + code;
	}
}
