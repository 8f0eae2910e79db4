package org.imisfhir.outcome;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts shown to people, in English (default) or French, from the {@code i18n/outcome} bundles. The language
 * is chosen from an HTTP {@code Accept-Language} header.
 */
public final class Messages {

	public static final Locale ENGLISH = Locale.ENGLISH;
	public static final Locale FRENCH = Locale.FRENCH;
	private static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);
	/** Message bundles searched in order: the general texts, then one per business area. */
	private static final List<String> BUNDLES = List.of(
			"i18n/outcome", "i18n/registry", "i18n/catalogue", "i18n/product", "i18n/enrolment", "i18n/claim",
			"i18n/payment", "i18n/programme", "i18n/security", "i18n/subscription", "i18n/migration", "i18n/hmis", "i18n/programme-report");

	private Messages() {}

	/** The supported language best matching an Accept-Language header; English when none matches. */
	public static Locale negotiate(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return ENGLISH;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
			Locale match = Locale.lookup(ranges, SUPPORTED);
			return match != null ? match : ENGLISH;
		} catch (IllegalArgumentException e) {
			return ENGLISH;
		}
	}

	/** The text for a key in the language, with {0}-style arguments filled in; the key itself when unknown. */
	public static String text(String key, Locale locale, Object... args) {
		String pattern = find(key, locale);
		if (pattern == null && !ENGLISH.equals(locale)) {
			pattern = find(key, ENGLISH);
		}
		return pattern == null ? key : new MessageFormat(pattern, locale).format(args);
	}

	private static String find(String key, Locale locale) {
		for (String bundle : BUNDLES) {
			try {
				ResourceBundle resources = ResourceBundle.getBundle(bundle, locale, NO_FALLBACK);
				if (resources.containsKey(key)) {
					return resources.getString(key);
				}
			} catch (MissingResourceException absent) {
				// this area has no bundle (yet)
			}
		}
		return null;
	}

	private static final ResourceBundle.Control NO_FALLBACK =
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
