package org.imisfhir.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.imisfhir.app.ImisFhirApplication;
import org.imisfhir.support.PostgresAvailableCondition;
import org.imisfhir.support.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with sign-in on (no development mode): tokens are checked against the keys of a
 * local {@link TokenIssuer}. One Spring context shared by the classes extending this. On H2 it has its own
 * in-memory database; in the PostgreSQL run ({@link TestDatabase#isPostgres()}, the {@code *HttpTest}
 * classes extending this) its own PostgreSQL database, {@link TestDatabase#tokenSuitePgUrl()}.
 */
@ExtendWith(PostgresAvailableCondition.class)
@SpringBootTest(
		classes = ImisFhirApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			// its own in-memory database: the development-mode context of the HTTP suite lives in the same JVM
			"spring.datasource.url=jdbc:h2:mem:imis-token-test;DB_CLOSE_DELAY=-1",
			"imis.security.development.enabled=false",
			"imis.security.issuer-uri=" + TokenIssuer.ISSUER,
			"imis.audit.flush-interval-ms=50"
		})
@ActiveProfiles("test")
public abstract class TokenHttpTestBase {

	@LocalServerPort
	protected int port;

	protected final HttpClient http = HttpClient.newHttpClient();

	protected static final TokenIssuer issuer = TokenIssuer.shared();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("imis.security.jwk-set-uri", issuer::jwkSetUri);
		if (TestDatabase.isPostgres()) {
			String url = TestDatabase.tokenSuitePgUrl();
			if (!TestDatabase.ensureDatabase(url)) {
				throw new IllegalStateException("No PostgreSQL database reachable or creatable at " + url);
			}
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", TestDatabase::pgUser);
			registry.add("spring.datasource.password", TestDatabase::pgPassword);
			registry.add("spring.jpa.properties.hibernate.dialect",
					() -> "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect");
		}
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** A token of a user holding one role ("none": no role). */
	protected static String tokenOf(String role) {
		return role.equals("none")
				? issuer.token("user-none", java.util.List.of())
				: issuer.token("user-" + role, java.util.List.of(role));
	}

	protected HttpResponse<String> send(String method, String path, String body, String token, String... headers)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)));
		if (body == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			builder.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json");
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}
}
