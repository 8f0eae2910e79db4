package org.imisfhir.registry.product.rules;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A start cycle as openIMIS writes it, {@code dd-mm} (01-06 is the first of June). */
public final class StartCycle {

	private static final Pattern DD_MM = Pattern.compile("(\\d{2})-(\\d{2})");

	private StartCycle() {}

	/** The day of the year, or empty when the text is not a real {@code dd-mm} date (29-02 is one). */
	public static Optional<MonthDay> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = DD_MM.matcher(text.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(MonthDay.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1))));
		} catch (DateTimeException e) {
			return Optional.empty();
		}
	}
}
