package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imisfhir.app.ImisFhirApplication;
import org.imisfhir.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in against a real Keycloak with the repository's realm: every demo user gets a token by the password
 * grant and does exactly what the authorization table allows; the integration client signs in with its
 * secret. Needs IMIS_TEST_KEYCLOAK_URL (see {@link KeycloakAvailableCondition}).
 */
@ExtendWith(KeycloakAvailableCondition.class)
@SpringBootTest(
		classes = ImisFhirApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"spring.datasource.url=jdbc:h2:mem:imis-keycloak-test;DB_CLOSE_DELAY=-1",
			"imis.security.development.enabled=false",
			"imis.audit.flush-interval-ms=50"
		})
@ActiveProfiles("test")
class SignInKeycloakIT {

	/** The realm's demo user of each column of the authorization table. */
	static final Map<String, String> DEMO_USERS = Map.ofEntries(
			Map.entry("enrolment-officer", "officer"),
			Map.entry("manager", "manager"),
			Map.entry("accountant", "accountant"),
			Map.entry("clerk", "clerk"),
			Map.entry("medical-officer", "medical"),
			Map.entry("scheme-administrator", "schemeadmin"),
			Map.entry("imis-administrator", "imisadmin"),
			Map.entry("receptionist", "receptionist"),
			Map.entry("claim-administrator", "claimadmin"),
			Map.entry("claim-contributor", "contributor"),
			Map.entry("voucher-manager", "vouchermanager"),
			Map.entry("none", "norole"));

	private static final Map<String, String> tokens = new HashMap<>();
	private static final ObjectMapper json = new ObjectMapper();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("imis.security.issuer-uri", KeycloakAvailableCondition::issuer);
	}

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail auditTrail;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void demoTokensCarryRolesDistrictsAndFacility() throws Exception {
		JsonNode claims = claims(passwordToken("claimadmin"));

		assertThat(claims.path("iss").asText()).isEqualTo(KeycloakAvailableCondition.issuer());
		assertThat(claims.path("aud").toString()).contains("imis-fhir");
		assertThat(claims.path("realm_access").path("roles").toString()).contains("claim-administrator");
		assertThat(claims.path("districts").toString()).contains("R1D1");
		assertThat(claims.path("facility").asText()).isEqualTo("RTHC001");
		assertThat(claims.path("azp").asText()).isEqualTo("imis-web");
	}

	@Test
	void everyDemoUserDoesExactlyWhatTheTableAllows() throws Exception {
		List<String> mismatches = AuthorizationMatrix.mismatches((column, row) -> send(row.method(),
				"/fhir/" + row.fhirPath(),
				row.method().equals("GET") || row.method().equals("DELETE") ? null : row.body(),
				tokenOf(column)).statusCode());

		assertThat(mismatches).isEmpty();
	}

	@Test
	void theIntegrationClientSignsInWithItsSecretAsAClaimAdministrator() throws Exception {
		String token = clientToken();

		assertThat(send("GET", "/fhir/Claim?_count=1", null, token).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/fhir/Location", "{\"resourceType\":\"Location\"}", token).statusCode()).isEqualTo(403);
		assertThat(claims(token).path("preferred_username").asText()).isEqualTo("service-account-imis-integration");
	}

	@Test
	void writesAreAuditedWithUserRoleAndClient() throws Exception {
		send("POST", "/fhir/Location", "{\"resourceType\":\"Location\"}", tokenOf("receptionist"));

		// the record is queued as the request ends, possibly just after the answer: wait for it
		HttpResponse<String> audit = null;
		for (int attempt = 0; attempt < 100; attempt++) {
			auditTrail.flush(10_000);
			audit = send("GET", "/fhir/AuditEvent?altid=receptionist&outcome=4", null, tokenOf("imis-administrator"));
			if (audit.body().contains("\"entry\"")) {
				break;
			}
			Thread.sleep(200);
		}

		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("\"code\":\"receptionist\"").contains("imis-web").contains("\"Location\"");
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		HttpResponse<String> response = send("GET", "/fhir/Patient", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(send("GET", "/fhir/Patient", null, "x" + tokenOf("clerk")).statusCode()).isEqualTo(401);
	}

	private String tokenOf(String column) throws Exception {
		String username = DEMO_USERS.get(column);
		String token = tokens.get(username);
		if (token == null) {
			token = passwordToken(username);
			tokens.put(username, token);
		}
		return token;
	}

	private String passwordToken(String username) throws Exception {
		return token("grant_type=password&client_id=imis-web&username=" + encode(username) + "&password=" + encode(username),
				null);
	}

	private String clientToken() throws Exception {
		String basic = Base64.getEncoder().encodeToString("imis-integration:imis-integration-secret".getBytes(StandardCharsets.UTF_8));
		return token("grant_type=client_credentials", "Basic " + basic);
	}

	private String token(String form, String authorization) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(
						URI.create(KeycloakAvailableCondition.issuer() + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("access_token").asText();
	}

	private static JsonNode claims(String token) throws Exception {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (body == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			builder.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json");
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}
}
