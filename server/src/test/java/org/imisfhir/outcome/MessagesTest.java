package org.imisfhir.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

	@Test
	void frenchIsChosenFromAnyFrenchRange() {
		assertThat(Messages.negotiate("fr")).isEqualTo(Locale.FRENCH);
		assertThat(Messages.negotiate("fr-CM,fr;q=0.9,en;q=0.5")).isEqualTo(Locale.FRENCH);
		assertThat(Messages.negotiate("de-DE,fr;q=0.4")).isEqualTo(Locale.FRENCH);
	}

	@Test
	void englishIsTheDefault() {
		assertThat(Messages.negotiate(null)).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.negotiate("")).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.negotiate("sw-TZ")).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.negotiate("en-GB,fr;q=0.8")).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.negotiate(";;not a header")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void noTwoAreaBundlesDefineTheSameKey() throws Exception {
		java.util.Map<String, String> owner = new java.util.HashMap<>();
		java.util.List<String> clashes = new java.util.ArrayList<>();
		for (org.springframework.core.io.Resource bundle : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*.properties")) {
			if (bundle.getFilename().contains("_")) {
				continue;
			}
			java.util.Properties properties = new java.util.Properties();
			try (java.io.InputStream in = bundle.getInputStream()) {
				properties.load(in);
			}
			for (String key : properties.stringPropertyNames()) {
				String previous = owner.put(key, bundle.getFilename());
				if (previous != null) {
					clashes.add(key + " in " + previous + " and " + bundle.getFilename());
				}
			}
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void everyErrorCodeHasAnEnglishAndAFrenchText() {
		for (ErrorCode code : ErrorCode.values()) {
			String english = Messages.text(code.messageKey(), Locale.ENGLISH);
			String french = Messages.text(code.messageKey(), Locale.FRENCH);
			assertThat(english).as(code.code()).isNotEqualTo(code.messageKey());
			assertThat(french).as(code.code()).isNotEqualTo(code.messageKey()).isNotEqualTo(english);
			assertThat(french).as("apostrophes are not doubled").doesNotContain("''");
		}
	}
}
