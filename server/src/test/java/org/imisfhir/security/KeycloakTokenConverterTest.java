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
}
