package org.imisfhir.outcome;

/**
 * A precise reason a business rule refuses a request. Each business area lists its reasons in an enum
 * implementing this, with a CodeSystem in terminology/imis/ (system URL) and texts under
 * {@link #messageKey()} in its message bundle {@code i18n/<area>[_fr].properties}.
 */
public interface RuleViolation {

	/** Canonical URL of the CodeSystem holding {@link #code()}. */
	String system();

	String code();

	/** Key of the text in the area's message bundles; {@code {0}}-style placeholders take the arguments. */
	default String messageKey() {
		return "detail." + code();
	}
}
