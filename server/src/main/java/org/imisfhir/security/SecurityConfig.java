package org.imisfhir.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Sign-in: the server is an OAuth2 resource server accepting Keycloak access tokens (signature, issuer,
 * audience, expiry checked). {@code /fhir/metadata} and the health probes are public; every other request
 * needs a token (401 otherwise). What a signed-in user may do is decided by {@link RoleAuthorizationInterceptor}.
 *
 * <p>Without an issuer the server refuses to start, unless the development mode is switched on explicitly
 * ({@code imis.security.development.enabled}, set by the {@code demo} profile): every request is then signed
 * in as the development user, and the server must listen on the loopback address only.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	/** Reachable without a token. */
	static final List<String> PUBLIC_GET_PATHS = List.of(
			"/fhir/metadata", "/fhir-package/**", "/actuator/health", "/actuator/health/**");

	@Bean
	public SecurityFilterChain securityFilterChain(
			HttpSecurity http, SecurityProperties properties, FhirContext fhirContext, Environment environment)
			throws Exception {
		OperationOutcomeEntryPoint entryPoint = new OperationOutcomeEntryPoint(fhirContext);
		http.csrf(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.formLogin(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
				.authorizeHttpRequests(requests -> {
					for (String path : PUBLIC_GET_PATHS) {
						requests.requestMatchers(antMatcher(HttpMethod.GET, path)).permitAll();
					}
					for (String path : properties.getPublicPaths()) {
						requests.requestMatchers(antMatcher(path)).permitAll();
					}
					// CORS pre-flight requests carry no token; HAPI's CORS interceptor answers them
					requests.requestMatchers(antMatcher(HttpMethod.OPTIONS, "/fhir/**")).permitAll();
					requests.requestMatchers(antMatcher("/error")).permitAll();
					requests.anyRequest().authenticated();
				});
		if (properties.getDevelopment().isEnabled()) {
			ImisUser developer = developmentUser(properties.getDevelopment());
			requireLoopback(environment.getProperty("server.address"));
			warnDevelopmentMode(developer);
			http.addFilterBefore(new DevelopmentSignInFilter(developer), AnonymousAuthenticationFilter.class);
		} else {
			JwtDecoder decoder = jwtDecoder(properties);
			KeycloakTokenConverter converter = new KeycloakTokenConverter(
					properties.getAudience(), properties.getDistrictsClaim(), properties.getFacilityClaim(),
					properties.getProgrammesClaim());
			http.oauth2ResourceServer(resourceServer -> resourceServer
					.authenticationEntryPoint(entryPoint)
					.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)));
			log.info("Sign-in with access tokens of issuer {} for audience {} (keys from {})",
					properties.getIssuerUri(), properties.getAudience(), properties.effectiveJwkSetUri());
		}
		return http.build();
	}

	/** The HAPI side: what a signed-in user may do, registered on the FHIR endpoint. */
	@Bean
	public RoleAuthorizationInterceptor roleAuthorizationInterceptor(FhirContext fhirContext) {
		return new RoleAuthorizationInterceptor(fhirContext);
	}

	/** The administrative tree used for district scoping, reloaded whenever a Location is written. */
	@Bean
	public LocationTreeCache locationTreeCache(DaoRegistry daoRegistry, IInterceptorService interceptorService) {
		LocationTreeCache cache = new LocationTreeCache(daoRegistry);
		interceptorService.registerInterceptor(cache);
		return cache;
	}

	/** Keeps users limited to districts or a facility to their data, registered on the FHIR endpoint. */
	@Bean
	public DistrictScopeInterceptor districtScopeInterceptor(DaoRegistry daoRegistry, LocationTreeCache locations) {
		return new DistrictScopeInterceptor(daoRegistry, locations);
	}

	/** Checks signature (keys fetched lazily from the issuer), expiry, issuer and audience. */
	static JwtDecoder jwtDecoder(SecurityProperties properties) {
		String issuer = properties.getIssuerUri();
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalStateException("No token issuer configured: set imis.security.issuer-uri "
					+ "(environment IMIS_SECURITY_ISSUER_URI, e.g. https://keycloak.example.org/realms/imis). "
					+ "The server does not start without sign-in unless the development mode is switched on "
					+ "explicitly (imis.security.development.enabled=true, as in the demo profile).");
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build();
		String audience = properties.getAudience();
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>(
				JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(issuer), audienceValidator));
		return decoder;
	}

	static ImisUser developmentUser(SecurityProperties.Development development) {
		Set<ImisRole> roles = EnumSet.noneOf(ImisRole.class);
		for (String code : development.getRoles()) {
			roles.add(ImisRole.fromCode(code).orElseThrow(() -> new IllegalStateException(
					"imis.security.development.roles: unknown role '" + code + "'")));
		}
		String facility = development.getFacility();
		return new ImisUser(development.getUsername(), roles, development.getDistricts(),
				facility == null || facility.isBlank() ? null : facility, "development",
				development.getProgrammes() == null ? List.of() : development.getProgrammes());
	}

	/** The development sign-in lets anyone in: it must not be reachable from other machines. */
	static void requireLoopback(String serverAddress) {
		boolean loopback = false;
		if (serverAddress != null && !serverAddress.isBlank()) {
			try {
				loopback = InetAddress.getByName(serverAddress).isLoopbackAddress();
			} catch (UnknownHostException unknown) {
				loopback = false;
			}
		}
		if (!loopback) {
			throw new IllegalStateException("The development mode (imis.security.development.enabled=true) signs "
					+ "every request in without a token, so the server must listen on the loopback address only: "
					+ "set server.address=127.0.0.1 (it is '" + serverAddress + "'), or configure a token issuer "
					+ "(imis.security.issuer-uri) and switch the development mode off.");
		}
	}

	private static void warnDevelopmentMode(ImisUser developer) {
		String line = "*".repeat(100);
		log.warn("\n{}\n*** DEVELOPMENT MODE: NO SIGN-IN. Every request is signed in as '{}' with roles {}{}{}.\n"
						+ "*** Never run this way with real data. Configure imis.security.issuer-uri and remove "
						+ "imis.security.development.enabled.\n{}",
				line, developer.username(), developer.roles().stream().map(ImisRole::code).sorted().toList(),
				developer.districts().isEmpty() ? "" : ", districts " + developer.districts(),
				(developer.facility() == null ? "" : ", facility " + developer.facility())
						+ (developer.programmes().isEmpty() ? "" : ", programmes " + developer.programmes()), line);
	}
}
