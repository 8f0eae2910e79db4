package org.imisfhir.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in request: the user, with one {@code ROLE_<keycloak role>} authority per openIMIS role. The
 * credentials are the bearer token (null in the development mode).
 */
public class ImisAuthentication extends AbstractAuthenticationToken {

	private final ImisUser user;
	private final transient Object credentials;

	public ImisAuthentication(ImisUser user, Object credentials) {
		super(authorities(user));
		this.user = user;
		this.credentials = credentials;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(ImisUser user) {
		return user.roles().stream()
				.sorted()
				.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.code()))
				.toList();
	}

	public ImisUser getUser() {
		return user;
	}

	@Override
	public Object getCredentials() {
		return credentials;
	}

	@Override
	public Object getPrincipal() {
		return user;
	}

	@Override
	public String getName() {
		return user.username();
	}
}
