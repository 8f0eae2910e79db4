package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Locale;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;

/** Why an import row was refused, in the report's language, when the server or a business rule refused it. */
final class RowRefusals {

	private RowRefusals() {}

	static String reason(BaseServerResponseException e, Locale locale) {
		if (e instanceof ImisRuleException rule && rule.getViolation() != null) {
			return Messages.text(rule.getViolation().messageKey(), locale, rule.getArguments());
		}
		return e.getStatusCode() == 409 && e.getMessage() != null && e.getMessage().contains("HAPI-1093")
				? Messages.text("error.duplicate", locale)
				: e.getMessage();
	}
}
