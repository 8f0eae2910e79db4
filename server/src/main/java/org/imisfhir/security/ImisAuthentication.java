package org.imisfhir.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A signed-in request: the user, with one {@code ROLE_<keycloak role>} authority per openIMIS role. The
 * credentials are the bearer token (null in the development mode).
 */
public class ImisAuthentication extends AbstractAuthenticationToken {

	private final ImisUser user;
	/** Token claim: when the user last entered their credentials (OpenID Connect Core, seconds since the epoch). */
	public static final String AUTH_TIME = "auth_time";

	private final transient Object credentials;
	private final Instant created = Instant.now();

	public ImisAuthentication(ImisUser user, Object credentials) {
		super(authorities(user));
		this.user = user;
		this.credentials = credentials;
		setAuthenticated(true);
	}

	/**
	 * When the user last authenticated, i.e. entered their credentials: the token's {@code auth_time}, which
	 * Keycloak writes into its access tokens; empty when the token does not say (a client-credentials token). In
	 * the development mode every request is signed in afresh, so it is the time of the request.
	 */
	public Optional<Instant> authenticatedAt() {
		if (credentials instanceof Jwt jwt) {
			try {
				return Optional.ofNullable(jwt.getClaimAsInstant(AUTH_TIME));
			} catch (IllegalArgumentException notATime) {
				return Optional.empty();
			}
		}
		return credentials == null ? Optional.of(created) : Optional.empty();
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
