package org.imisfhir.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for Keycloak in tests: signs Keycloak-shaped access tokens with its own RSA key and serves the
 * public key as a JWK set over HTTP, so the server checks real signatures without a Keycloak running. Like
 * Keycloak's, its tokens say when the user signed in ({@code auth_time}, 5 seconds before the token is made).
 */
public final class TokenIssuer {

	public static final String ISSUER = "http://127.0.0.1:1/realms/imis";
	public static final String AUDIENCE = "imis-fhir";

	private static TokenIssuer shared;

	private final RSAKey key;
	private final RSAKey otherKey;
	private final HttpServer server;

	private TokenIssuer() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		server.createContext("/certs", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		server.setExecutor(null);
		server.start();
	}

	/** One issuer for the whole test run (its key set address is part of the shared Spring context). */
	public static synchronized TokenIssuer shared() {
		if (shared == null) {
			try {
				shared = new TokenIssuer();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return shared;
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
	}

	/** A valid access token of a user holding the given realm roles. */
	public String token(String username, List<String> roles) {
		return token(username, roles, List.of(), null, ISSUER, AUDIENCE, Instant.now().plusSeconds(300), false);
	}

	public String token(String username, List<String> roles, List<String> districts, String facility, String issuer,
			String audience, Instant expiry, boolean signedWithUnknownKey) {
		return token(username, roles, districts, facility, issuer, audience, expiry, signedWithUnknownKey,
				Map.of("auth_time", Instant.now().minusSeconds(5).getEpochSecond()));
	}

	/** A valid token of a user holding these roles and working on these programmes (claim {@code programmes}). */
	public String tokenWithProgrammes(String username, List<String> roles, List<String> programmes) {
		return tokenWith(username, roles, Map.of("programmes", programmes,
				"auth_time", Instant.now().minusSeconds(5).getEpochSecond()));
	}

	/** A valid token of a user who signed in (entered their password) at that time ({@code auth_time}; null: not said). */
	public String tokenSignedInAt(String username, List<String> roles, Instant signedInAt) {
		return tokenWith(username, roles, signedInAt == null ? Map.of() : Map.of("auth_time", signedInAt.getEpochSecond()));
	}

	/** A valid token with these further claims (replacing the default auth_time, which they then must give). */
	public String tokenWith(String username, List<String> roles, Map<String, Object> claims) {
		return token(username, roles, List.of(), null, ISSUER, AUDIENCE, Instant.now().plusSeconds(300), false, claims);
	}

	private String token(String username, List<String> roles, List<String> districts, String facility, String issuer,
			String audience, Instant expiry, boolean signedWithUnknownKey, Map<String, Object> extra) {
		try {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
					.issuer(issuer)
					.audience(audience)
					.subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
					.issueTime(Date.from(Instant.now().minusSeconds(5)))
					.expirationTime(Date.from(expiry))
					.claim("azp", "imis-web")
					.claim("typ", "Bearer")
					.claim("preferred_username", username)
					.claim("realm_access", Map.of("roles", roles));
			if (!districts.isEmpty()) {
				claims.claim("districts", districts);
			}
			if (facility != null) {
				claims.claim("facility", facility);
			}
			extra.forEach(claims::claim);
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new RSASSASigner(signedWithUnknownKey ? otherKey : key));
			return jwt.serialize();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
