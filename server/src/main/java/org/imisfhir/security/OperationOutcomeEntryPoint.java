package org.imisfhir.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.imisfhir.outcome.Messages;
import org.imisfhir.outcome.OperationOutcomeLocaliser;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid token: 401 with {@code WWW-Authenticate: Bearer ...} (and the token error
 * when one was sent), and an OperationOutcome coded {@code unauthenticated} in the caller's language.
 */
class OperationOutcomeEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
	private final FhirContext fhirContext;

	OperationOutcomeEntryPoint(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		bearer.commence(request, response, failure);
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		OperationOutcome outcome = OperationOutcomeLocaliser.buildOutcome(
				new ca.uhn.fhir.rest.server.exceptions.AuthenticationException(failure.getMessage()), locale);
		response.setContentType("application/fhir+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}
}
