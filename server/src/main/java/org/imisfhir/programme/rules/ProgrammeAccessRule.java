package org.imisfhir.programme.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which claims and policies a user assigned to programmes works on (the Cameroon CSU filtered claims to the
 * programmes of the user): a user without programmes works on all of them; a resource naming no programme is
 * everyone's; otherwise the resource must name one of the user's programmes. Codes compare without regard to
 * case or surrounding blanks ({@code ccs} in a token is programme {@code CCS}).
 */
public final class ProgrammeAccessRule {

	private ProgrammeAccessRule() {}

	/**
	 * @param userProgrammes     the codes of the user's programmes; empty: not limited
	 * @param resourceProgrammes the codes of the programmes the claim or policy names; empty: none
	 */
	public static boolean allowed(Collection<String> userProgrammes, Collection<String> resourceProgrammes) {
		Set<String> mine = normalised(userProgrammes);
		if (mine.isEmpty() || resourceProgrammes.isEmpty()) {
			return true;
		}
		return normalised(resourceProgrammes).stream().anyMatch(mine::contains);
	}

	/** Whether a user with these programmes is limited at all. */
	public static boolean limited(Collection<String> userProgrammes) {
		return !normalised(userProgrammes).isEmpty();
	}

	private static Set<String> normalised(Collection<String> codes) {
		return codes.stream().filter(code -> code != null && !code.isBlank())
				.map(code -> code.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
	}
}
