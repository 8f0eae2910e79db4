package org.imisfhir.outcome;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns every refusal into an OperationOutcome whose first issue carries our error code and a text in the
 * caller's language (Accept-Language, English by default). The technical detail stays in
 * {@code diagnostics}; validation findings follow as further issues.
 */
@Component
@Interceptor
public class OperationOutcomeLocaliser {

	private static final Logger log = LoggerFactory.getLogger(OperationOutcomeLocaliser.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException localise(RequestDetails request, Throwable thrown) {
		BaseServerResponseException exception = asServerException(thrown);
		if (exception.getStatusCode() >= 500 && thrown instanceof BaseServerResponseException) {
			log.error("Server error while serving a FHIR request", thrown);
		} else if (exception.getStatusCode() < 500) {
			log.info("Refused {} {}: HTTP {} {}", request == null ? "" : request.getRequestType(),
					request == null ? "" : request.getRequestPath(), exception.getStatusCode(), exception.getMessage());
		}
		Locale locale = Messages.negotiate(request == null ? null : request.getHeader("Accept-Language"));
		exception.setOperationOutcome(buildOutcome(exception, locale));
		return exception;
	}

	/** The OperationOutcome a refusal gets, in the caller's language (for results listed inside a bundle). */
	public OperationOutcome outcomeOf(BaseServerResponseException exception, RequestDetails request) {
		return buildOutcome(exception, Messages.negotiate(request == null ? null : request.getHeader("Accept-Language")));
	}

	public static OperationOutcome buildOutcome(BaseServerResponseException exception, Locale locale) {
		ErrorCode code = classify(exception);
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcomeIssueComponent summary = outcome.addIssue();
		summary.setSeverity(code.httpStatus() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR);
		summary.setCode(code.issueType());
		CodeableConcept details = new CodeableConcept();
		details.addCoding()
				.setSystem(ErrorCode.SYSTEM)
				.setCode(code.code())
				.setDisplay(Messages.text(code.messageKey(), Messages.ENGLISH));
		if (exception instanceof ImisRuleException rule) {
			RuleViolation violation = rule.getViolation();
			if (violation != null) {
				details.addCoding()
						.setSystem(violation.system())
						.setCode(violation.code())
						.setDisplay(Messages.text(violation.messageKey(), Messages.ENGLISH, rule.getArguments()));
				details.setText(Messages.text(violation.messageKey(), locale, rule.getArguments()));
			} else {
				details.setText(Messages.text(code.messageKey(), locale));
			}
		} else {
			details.setText(Messages.text(code.messageKey(), locale));
			if (code != ErrorCode.INTERNAL_ERROR) {
				summary.setDiagnostics(exception.getMessage());
			}
		}
		summary.setDetails(details);
		copyFindings(exception, outcome);
		return outcome;
	}

	/** Keeps validation findings (and other issues HAPI attached) after our summary issue. */
	private static void copyFindings(BaseServerResponseException exception, OperationOutcome target) {
		if (exception.getOperationOutcome() instanceof OperationOutcome original) {
			for (OperationOutcomeIssueComponent issue : original.getIssue()) {
				if (issue.getSeverity() == IssueSeverity.INFORMATION) {
					continue;
				}
				target.addIssue(issue.copy());
			}
		}
	}

	static ErrorCode classify(BaseServerResponseException exception) {
		if (exception instanceof ImisRuleException rule) {
			return rule.getErrorCode();
		}
		if (exception instanceof ProfileViolationException) {
			return ErrorCode.PROFILE_VIOLATION;
		}
		if (exception instanceof UnprocessableEntityException) {
			return ErrorCode.UNPROCESSABLE;
		}
		if (exception instanceof ResourceNotFoundException) {
			return ErrorCode.NOT_FOUND;
		}
		if (exception instanceof ResourceGoneException) {
			return ErrorCode.GONE;
		}
		if (exception instanceof ResourceVersionConflictException) {
			// HAPI-1093: a unique combo search parameter (our code uniqueness) refused a second resource
			String message = exception.getMessage();
			return message != null && message.contains("HAPI-1093") ? ErrorCode.DUPLICATE : ErrorCode.CONFLICT;
		}
		if (exception instanceof PreconditionFailedException) {
			return ErrorCode.PRECONDITION_FAILED;
		}
		if (exception instanceof AuthenticationException) {
			return ErrorCode.UNAUTHENTICATED;
		}
		if (exception instanceof ForbiddenOperationException) {
			return ErrorCode.FORBIDDEN;
		}
		if (exception instanceof MethodNotAllowedException) {
			return ErrorCode.METHOD_NOT_ALLOWED;
		}
		if (exception instanceof NotImplementedOperationException) {
			return ErrorCode.NOT_IMPLEMENTED;
		}
		if (exception instanceof InvalidRequestException) {
			return looksLikeParseError(exception) ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INVALID_REQUEST;
		}
		return switch (exception.getStatusCode()) {
			case 400 -> ErrorCode.INVALID_REQUEST;
			case 401 -> ErrorCode.UNAUTHENTICATED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 409 -> ErrorCode.CONFLICT;
			case 422 -> ErrorCode.UNPROCESSABLE;
			default -> ErrorCode.INTERNAL_ERROR;
		};
	}

	private static boolean looksLikeParseError(BaseServerResponseException exception) {
		for (Throwable t = exception; t != null; t = t.getCause()) {
			if (t instanceof DataFormatException) {
				return true;
			}
		}
		String message = exception.getMessage();
		return message != null && (message.contains("Failed to parse") || message.contains("HAPI-0450") || message.contains("HAPI-1861"));
	}

	private static BaseServerResponseException asServerException(Throwable thrown) {
		if (thrown instanceof BaseServerResponseException server) {
			return server;
		}
		if (thrown instanceof DataFormatException) {
			return new InvalidRequestException(thrown.getMessage(), thrown);
		}
		log.error("Unexpected failure while serving a FHIR request", thrown);
		return new InternalErrorException("Unexpected server error", thrown);
	}
}
