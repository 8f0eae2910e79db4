package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in with access tokens: who gets in, and the 401/403 answers. */
class TokenSignInTest extends TokenHttpTestBase {

	@Test
	void withoutATokenOnlyTheCapabilityStatementAndHealthAreServed() throws Exception {
		HttpResponse<String> refused = send("GET", "/fhir/Patient", null, null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(refused.body()).contains("OperationOutcome").contains("\"code\":\"unauthenticated\"");

		assertThat(send("GET", "/fhir/metadata", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/fhir/Location", "{\"resourceType\":\"Location\"}", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aValidTokenSignsTheUserIn() throws Exception {
		HttpResponse<String> response = send("GET", "/fhir/Location?_count=1", null, tokenOf("receptionist"));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void expiredForeignOrMisaddressedTokensAreRefusedWith401() throws Exception {
		List<String> roles = List.of("imis-administrator");
		String expired = issuer.token("u", roles, List.of(), null, TokenIssuer.ISSUER, TokenIssuer.AUDIENCE,
				Instant.now().minusSeconds(600), false);
		String otherIssuer = issuer.token("u", roles, List.of(), null, "http://elsewhere/realms/imis", TokenIssuer.AUDIENCE,
				Instant.now().plusSeconds(300), false);
		String otherAudience = issuer.token("u", roles, List.of(), null, TokenIssuer.ISSUER, "account",
				Instant.now().plusSeconds(300), false);
		String forged = issuer.token("u", roles, List.of(), null, TokenIssuer.ISSUER, TokenIssuer.AUDIENCE,
				Instant.now().plusSeconds(300), true);

		for (String token : List.of(expired, otherIssuer, otherAudience, forged, "not-a-token")) {
			HttpResponse<String> response = send("GET", "/fhir/Location", null, token);
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
		}
	}

	@Test
	void aRoleThatMayNotWriteIsRefusedWith403AndTheReasonInTheCallersLanguage() throws Exception {
		HttpResponse<String> response = send("POST", "/fhir/Location", "{\"resourceType\":\"Location\"}",
				tokenOf("receptionist"), "Accept-Language", "fr");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body())
				.contains("\"code\":\"forbidden\"")
				.contains(SecurityViolation.SYSTEM)
				.contains("\"code\":\"role-not-allowed\"")
				.contains("n'a pas le droit de faire : create Location");
	}

	@Test
	void aUserWithoutRoleIsToldSo() throws Exception {
		HttpResponse<String> response = send("GET", "/fhir/Location", null, tokenOf("none"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"no-role\"");
		assertThat(send("GET", "/fhir/metadata", null, tokenOf("none")).statusCode()).isEqualTo(200);
	}

	@Test
	void theAuditTrailCannotBeWrittenEvenByTheAdministrator() throws Exception {
		HttpResponse<String> response = send("POST", "/fhir/AuditEvent", "{\"resourceType\":\"AuditEvent\"}",
				tokenOf("imis-administrator"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"audit-read-only\"");
	}

	@Test
	void everyRoleDoesExactlyWhatTheTableAllows() throws Exception {
		List<String> mismatches = AuthorizationMatrix.mismatches((column, row) ->
				send(row.method(), "/fhir/" + row.fhirPath(), row.method().equals("GET") || row.method().equals("DELETE")
						? null : row.body(), tokenOf(column)).statusCode());

		assertThat(mismatches).isEmpty();
	}
}
