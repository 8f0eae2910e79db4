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
