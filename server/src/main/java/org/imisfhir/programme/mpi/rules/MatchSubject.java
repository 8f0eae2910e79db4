package org.imisfhir.programme.mpi.rules;

import java.util.List;
import java.util.Set;

/**
 * What the scorer compares of a person: the input of {@code $match} or a stored insuree.
 *
 * @param identifiers  identifiers as {@code system|value}
 * @param family       family name, or null
 * @param given        given names (each may hold several words)
 * @param birthDate    {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param gender       FHIR administrative gender code, or null
 * @param village      id of the current village (Location), or null
 * @param villageName  name of the village (or the town given in the address), or null
 */
public record MatchSubject(
		Set<String> identifiers, String family, List<String> given, String birthDate, String gender, String village,
		String villageName) {

	public MatchSubject {
		identifiers = identifiers == null ? Set.of() : Set.copyOf(identifiers);
		given = given == null ? List.of() : List.copyOf(given);
	}

	/** The systems of the identifiers. */
	Set<String> systems() {
		return identifiers.stream().map(MatchSubject::systemOf).collect(java.util.stream.Collectors.toSet());
	}

	static String systemOf(String systemAndValue) {
		int bar = systemAndValue.indexOf('|');
		return bar < 0 ? "" : systemAndValue.substring(0, bar);
	}
}
