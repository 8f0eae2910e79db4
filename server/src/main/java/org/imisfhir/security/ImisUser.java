package org.imisfhir.security;

import java.util.List;
import java.util.Set;

/**
 * The signed-in user as the server sees it: name, openIMIS roles, the districts and health facility their
 * work is limited to (location and facility codes; empty when not limited), and the client application
 * the request came through, and the country programmes they work on.
 *
 * @param username  the Keycloak user name ({@code preferred_username}) or the development user
 * @param roles     the openIMIS roles held
 * @param districts codes of the districts the user works in; empty: every district
 * @param facility  code of the user's health facility, or null
 * @param clientId  the OAuth2 client ({@code azp}) the token was issued to, or null
 * @param programmes codes of the programmes the user works on (such as {@code CCS}); empty: every programme
 */
public record ImisUser(String username, Set<ImisRole> roles, List<String> districts, String facility, String clientId,
		List<String> programmes) {

	public ImisUser {
		roles = Set.copyOf(roles);
		districts = List.copyOf(districts);
		programmes = programmes == null ? List.of() : List.copyOf(programmes);
	}

	/** A user working on every programme. */
	public ImisUser(String username, Set<ImisRole> roles, List<String> districts, String facility, String clientId) {
		this(username, roles, districts, facility, clientId, List.of());
	}

	public Rights rights() {
		return RoleRights.of(roles);
	}

	public boolean hasRole(ImisRole role) {
		return roles.contains(role);
	}
}
