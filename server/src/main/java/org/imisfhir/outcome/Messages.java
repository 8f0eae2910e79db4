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
	private static final String BUNDLE = "i18n/outcome";

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
		String pattern;
		try {
			pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
		} catch (MissingResourceException e) {
			try {
				pattern = ResourceBundle.getBundle(BUNDLE, ENGLISH, NO_FALLBACK).getString(key);
			} catch (MissingResourceException e2) {
				return key;
			}
		}
		return new MessageFormat(pattern, locale).format(args);
	}

	private static final ResourceBundle.Control NO_FALLBACK =
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
