package org.imisfhir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** The development mode's sign-in: every request is signed in as the configured development user. */
class DevelopmentSignInFilter extends OncePerRequestFilter {

	private final ImisUser user;

	DevelopmentSignInFilter(ImisUser user) {
		this.user = user;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ImisAuthentication(user, null));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
