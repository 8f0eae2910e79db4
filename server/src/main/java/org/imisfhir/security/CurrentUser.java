package org.imisfhir.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the request being served on this thread, from Spring Security's context. */
public final class CurrentUser {

	private CurrentUser() {}

	/** The signed-in user; empty outside a request (scheduled jobs, start-up) or when nobody is signed in. */
	public static Optional<ImisUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ImisAuthentication imis && imis.isAuthenticated()) {
			return Optional.of(imis.getUser());
		}
		return Optional.empty();
	}

	/** When the signed-in user last entered their credentials ({@link ImisAuthentication#authenticatedAt()}). */
	public static Optional<Instant> authenticatedAt() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ImisAuthentication imis && imis.isAuthenticated()) {
			return imis.authenticatedAt();
		}
		return Optional.empty();
	}
}
