package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityConfigTest {

	@Test
	void productionRefusesToStartWithoutAnIssuer() {
		SecurityProperties properties = new SecurityProperties();

		assertThatThrownBy(() -> SecurityConfig.jwtDecoder(properties))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("imis.security.issuer-uri");
	}

	@Test
	void keysAreLookedUpUnderTheIssuerUnlessConfigured() {
		SecurityProperties properties = new SecurityProperties();
		properties.setIssuerUri("http://127.0.0.1:8180/realms/imis/");
		assertThat(properties.effectiveJwkSetUri()).isEqualTo("http://127.0.0.1:8180/realms/imis/protocol/openid-connect/certs");
		properties.setJwkSetUri("http://keys.example/jwks");
		assertThat(properties.effectiveJwkSetUri()).isEqualTo("http://keys.example/jwks");
		assertThat(SecurityConfig.jwtDecoder(properties)).isNotNull();
	}

	@Test
	void developmentModeListensOnTheLoopbackAddressOnly() {
		assertThatCode(() -> SecurityConfig.requireLoopback("127.0.0.1")).doesNotThrowAnyException();
		assertThatCode(() -> SecurityConfig.requireLoopback("localhost")).doesNotThrowAnyException();
		assertThatThrownBy(() -> SecurityConfig.requireLoopback(null)).hasMessageContaining("server.address=127.0.0.1");
		assertThatThrownBy(() -> SecurityConfig.requireLoopback("0.0.0.0")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theDevelopmentUserHoldsEveryRoleByDefault() {
		SecurityProperties.Development development = new SecurityProperties.Development();

		ImisUser user = SecurityConfig.developmentUser(development);

		assertThat(user.roles()).hasSize(ImisRole.values().length);
		assertThat(user.username()).isEqualTo("developer");
		assertThat(user.facility()).isNull();
	}

	@Test
	void theDevelopmentUserCanBeGivenOneRoleAndDistricts() {
		SecurityProperties.Development development = new SecurityProperties.Development();
		development.setRoles(List.of("receptionist"));
		development.setDistricts(List.of("R1D1"));
		development.setFacility("RTHC001");

		ImisUser user = SecurityConfig.developmentUser(development);

		assertThat(user.roles()).containsExactly(ImisRole.RECEPTIONIST);
		assertThat(user.districts()).containsExactly("R1D1");
		assertThat(user.facility()).isEqualTo("RTHC001");
		development.setRoles(List.of("superuser"));
		assertThatThrownBy(() -> SecurityConfig.developmentUser(development)).hasMessageContaining("superuser");
	}
}
