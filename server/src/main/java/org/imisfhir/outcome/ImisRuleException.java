package org.imisfhir.outcome;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * A refusal with a coded reason of ours. The text is rendered in the caller's language when the response is
 * written; {@link #getMessage()} holds the English text for logs.
 */
public class ImisRuleException extends BaseServerResponseException {

	private final ErrorCode errorCode;
	private final String detailCode;
	private final transient Object[] arguments;

	/**
	 * @param errorCode the general reason, which fixes the HTTP status
	 * @param detailCode the precise reason (a code of ours, also the message key {@code detail.<code>}), or null
	 * @param arguments values for the message's placeholders
	 */
	public ImisRuleException(ErrorCode errorCode, String detailCode, Object... arguments) {
		super(
				errorCode.httpStatus(),
				Messages.text(detailCode != null ? "detail." + detailCode : errorCode.messageKey(), Messages.ENGLISH, arguments));
		this.errorCode = errorCode;
		this.detailCode = detailCode;
		this.arguments = arguments;
	}

	public ErrorCode getErrorCode() {
		return errorCode;
	}

	public String getDetailCode() {
		return detailCode;
	}

	public Object[] getArguments() {
		return arguments;
	}
}
