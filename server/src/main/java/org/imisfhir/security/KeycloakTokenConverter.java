package org.imisfhir.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a Keycloak access token: the user name ({@code preferred_username}, else {@code sub}), the openIMIS
 * roles among the realm roles ({@code realm_access.roles}) and the client's roles
 * ({@code resource_access.<audience>.roles}), the {@code districts}, {@code facility} and {@code programmes}
 * claims written by the realm's protocol mappers, and the client ({@code azp}). The bearer token itself stays
 * the authentication's credentials, for what a step needs of it (the time of sign-in, {@code auth_time}).
 */
public class KeycloakTokenConverter implements Converter<Jwt, ImisAuthentication> {

	private final String audience;
	private final String districtsClaim;
	private final String facilityClaim;
	private final String programmesClaim;

	public KeycloakTokenConverter(String audience, String districtsClaim, String facilityClaim) {
		this(audience, districtsClaim, facilityClaim, "programmes");
	}

	public KeycloakTokenConverter(String audience, String districtsClaim, String facilityClaim, String programmesClaim) {
		this.audience = audience;
		this.districtsClaim = districtsClaim;
		this.facilityClaim = facilityClaim;
		this.programmesClaim = programmesClaim;
	}

	@Override
	public ImisAuthentication convert(Jwt jwt) {
		return new ImisAuthentication(user(jwt), jwt);
	}

	ImisUser user(Jwt jwt) {
		String username = jwt.getClaimAsString("preferred_username");
		if (username == null || username.isBlank()) {
			username = jwt.getSubject();
		}
		Set<ImisRole> roles = EnumSet.noneOf(ImisRole.class);
		addRoles(roles, jwt.getClaim("realm_access"));
		Object clients = jwt.getClaim("resource_access");
		if (clients instanceof Map<?, ?> byClient && audience != null) {
			addRoles(roles, byClient.get(audience));
		}
		return new ImisUser(username, roles, strings(jwt.getClaim(districtsClaim)), string(jwt.getClaim(facilityClaim)),
				jwt.getClaimAsString("azp"), strings(jwt.getClaim(programmesClaim)));
	}

	private static void addRoles(Set<ImisRole> roles, Object access) {
		if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> names) {
			for (Object name : names) {
				ImisRole.fromCode(String.valueOf(name)).ifPresent(roles::add);
			}
		}
	}

	/** A claim holding one value, a list, or a comma-separated string. */
	static List<String> strings(Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> many) {
			many.forEach(value -> addSplit(values, String.valueOf(value)));
		} else if (claim != null) {
			addSplit(values, String.valueOf(claim));
		}
		return values;
	}

	private static void addSplit(List<String> values, String value) {
		for (String part : value.split(",")) {
			if (!part.isBlank()) {
				values.add(part.trim());
			}
		}
	}

	private static String string(Object claim) {
		List<String> values = strings(claim);
		return values.isEmpty() ? null : values.get(0);
	}
}
