package org.imisfhir.outcome;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * A refusal with a coded reason of ours. The text is rendered in the caller's language when the response is
 * written; {@link #getMessage()} holds the English text for logs.
 */
public class ImisRuleException extends BaseServerResponseException {

	private final ErrorCode errorCode;
	private final transient RuleViolation violation;
	private final transient Object[] arguments;

	/**
	 * @param errorCode the general reason, which fixes the HTTP status
	 * @param violation the precise reason, or null
	 * @param arguments values for the message's placeholders
	 */
	public ImisRuleException(ErrorCode errorCode, RuleViolation violation, Object... arguments) {
		super(
				errorCode.httpStatus(),
				Messages.text(violation != null ? violation.messageKey() : errorCode.messageKey(), Messages.ENGLISH, arguments));
		this.errorCode = errorCode;
		this.violation = violation;
		this.arguments = arguments;
	}

	/** A business-rule refusal (422) for the given reason. */
	public static ImisRuleException businessRule(RuleViolation violation, Object... arguments) {
		return new ImisRuleException(ErrorCode.BUSINESS_RULE, violation, arguments);
	}

	/** A conflict (409) for the given reason, e.g. a code already used. */
	public static ImisRuleException conflict(RuleViolation violation, Object... arguments) {
		return new ImisRuleException(ErrorCode.CONFLICT, violation, arguments);
	}

	public ErrorCode getErrorCode() {
		return errorCode;
	}

	public RuleViolation getViolation() {
		return violation;
	}

	public Object[] getArguments() {
		return arguments;
	}
}
