package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakTokenConverterTest {

	private final KeycloakTokenConverter converter = new KeycloakTokenConverter("imis-fhir", "districts", "facility");

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
	}

	@Test
	void readsUserRolesDistrictsFacilityAndClient() {
		Jwt jwt = token()
				.subject("f0c1")
				.claim("preferred_username", "claimadmin")
				.claim("azp", "imis-web")
				.claim("realm_access", Map.of("roles", List.of("claim-administrator", "offline_access", "default-roles-imis")))
				.claim("resource_access", Map.of("imis-fhir", Map.of("roles", List.of("receptionist")),
						"other", Map.of("roles", List.of("manager"))))
				.claim("districts", List.of("R1D1", "R1D2"))
				.claim("facility", "RTHC001")
				.build();

		ImisAuthentication authentication = converter.convert(jwt);
		ImisUser user = authentication.getUser();

		assertThat(user.username()).isEqualTo("claimadmin");
		assertThat(user.roles()).containsExactlyInAnyOrder(ImisRole.CLAIM_ADMINISTRATOR, ImisRole.RECEPTIONIST);
		assertThat(user.districts()).containsExactly("R1D1", "R1D2");
		assertThat(user.facility()).isEqualTo("RTHC001");
		assertThat(user.clientId()).isEqualTo("imis-web");
		assertThat(authentication.getAuthorities()).extracting(Object::toString)
				.containsExactlyInAnyOrder("ROLE_claim-administrator", "ROLE_receptionist");
		assertThat(authentication.getName()).isEqualTo("claimadmin");
		assertThat(authentication.getCredentials()).isSameAs(jwt);
	}

	@Test
	void aTokenWithoutRolesOrAttributesIsAUserWithNoRights() {
		Jwt jwt = token().subject("5e2a").build();

		ImisUser user = converter.convert(jwt).getUser();

		assertThat(user.username()).isEqualTo("5e2a");
		assertThat(user.roles()).isEmpty();
		assertThat(user.districts()).isEmpty();
		assertThat(user.facility()).isNull();
		assertThat(user.rights().resources()).isEmpty();
	}

	@Test
	void districtsMayComeAsOneCommaSeparatedValue() {
		assertThat(KeycloakTokenConverter.strings("R1D1, R2D1")).containsExactly("R1D1", "R2D1");
		assertThat(KeycloakTokenConverter.strings(List.of("R1D1"))).containsExactly("R1D1");
		assertThat(KeycloakTokenConverter.strings(null)).isEmpty();
	}

	@Test
	void readsTheProgrammesAsAListOrACommaSeparatedValueAndTheTimeOfSignIn() {
		KeycloakTokenConverter programmes = new KeycloakTokenConverter("imis-fhir", "districts", "facility", "programmes");
		// auth_time 1 796 000 000 s after the epoch, as Keycloak writes it (a number of seconds)
		Jwt listed = token().subject("a1").claim("programmes", List.of("CCS", "GRAT")).claim("auth_time", 1_796_000_000L).build();
		Jwt commas = token().subject("a2").claim("programmes", "CCS, PAL").build();

		ImisAuthentication authentication = programmes.convert(listed);

		assertThat(authentication.getUser().programmes()).containsExactly("CCS", "GRAT");
		assertThat(authentication.authenticatedAt()).contains(Instant.ofEpochSecond(1_796_000_000L));
		assertThat(programmes.convert(commas).getUser().programmes()).containsExactly("CCS", "PAL");
		assertThat(programmes.convert(commas).authenticatedAt()).as("a token without auth_time").isEmpty();
		assertThat(converter.convert(token().subject("a3").build()).getUser().programmes()).isEmpty();
	}

	@Test
	void theDevelopmentSignInIsAFreshSignInAtEachRequest() {
		ImisAuthentication development = new ImisAuthentication(
				new ImisUser("developer", java.util.Set.of(ImisRole.VOUCHER_MANAGER), List.of(), null, "development"), null);

		assertThat(development.authenticatedAt()).hasValueSatisfying(at ->
				assertThat(at).isBetween(Instant.now().minusSeconds(5), Instant.now()));
	}
}
