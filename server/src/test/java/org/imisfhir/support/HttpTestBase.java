package org.imisfhir.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.imisfhir.app.ImisFhirApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP integration tests: the whole application on a random port (one shared Spring context for
 * every test class), reached through HAPI's generic client and plain HTTP.
 */
@AutoConfigureObservability
@SpringBootTest(classes = ImisFhirApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@ExtendWith(PostgresAvailableCondition.class)
public abstract class HttpTestBase {

	@LocalServerPort
	protected int port;

	@Autowired
	protected FhirContext fhirContext;

	protected IGenericClient client;

	protected final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void createClient() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhirContext.getRestfulClientFactory().setSocketTimeout(120_000);
		client = fhirContext.newRestfulGenericClient(baseUrl());
	}

	protected String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	protected String serverUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * A code no other test uses (8 characters: at most 2 of the prefix and 6 random), so tests stay independent
	 * on a database that outlives the run and fit the registers' 8-character codes.
	 */
	protected static String unique(String prefix) {
		String head = prefix.length() > 2 ? prefix.substring(0, 2) : prefix;
		return head + UUID.randomUUID().toString().replace("-", "").substring(0, 8 - head.length()).toUpperCase();
	}

	protected HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(serverUrl() + pathAndQuery)).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	protected HttpResponse<String> postJson(String path, String body, String... headers) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(serverUrl() + path))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}
}
