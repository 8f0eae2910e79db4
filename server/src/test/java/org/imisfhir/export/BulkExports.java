package org.imisfhir.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A client of the FHIR Bulk Data flow: kick-off, polling until complete, and the NDJSON files read back. */
public final class BulkExports {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String server;
	private final String token;

	/** @param server e.g. http://localhost:8080; @param token a bearer token, or null (development sign-in) */
	public BulkExports(String server, String token) {
		this.server = server;
		this.token = token;
	}

	/** Starts an export (GET, Prefer: respond-async, no reuse of an earlier one); answers the kick-off response. */
	public HttpResponse<String> kickOff(String pathAndQuery) throws Exception {
		return send(request(server + pathAndQuery).header("Prefer", "respond-async")
				.header("Cache-Control", "no-cache").GET().build());
	}

	/** Polls the status URL until the export is complete (200) and answers its manifest. */
	public JsonNode await(HttpResponse<String> kickOff) throws Exception {
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			HttpResponse<String> poll = send(request(status).GET().build());
			if (poll.statusCode() == 200) {
				return JSON.readTree(poll.body());
			}
			assertThat(poll.statusCode()).as(poll.body()).isEqualTo(202);
			assertThat(System.currentTimeMillis()).as("export still running").isLessThan(deadline);
			Thread.sleep(300);
		}
	}

	/** The manifest's files read back: resource type to the NDJSON lines parsed. */
	public Map<String, List<JsonNode>> resources(JsonNode manifest) throws Exception {
		Map<String, List<JsonNode>> byType = new HashMap<>();
		for (JsonNode output : manifest.get("output")) {
			HttpResponse<String> file = fetch(output.get("url").asText());
			assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
			List<JsonNode> lines = byType.computeIfAbsent(output.get("type").asText(), type -> new ArrayList<>());
			for (String line : file.body().split("\n")) {
				if (!line.isBlank()) {
					JsonNode resource = JSON.readTree(line);
					assertThat(resource.get("resourceType").asText()).isEqualTo(output.get("type").asText());
					lines.add(resource);
				}
			}
		}
		return byType;
	}

	/** A file of the manifest (a Binary), as NDJSON. */
	public HttpResponse<String> fetch(String url) throws Exception {
		return send(request(url).header("Accept", "application/fhir+ndjson").GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	public HttpRequest.Builder request(String url) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** The ids of the exported resources of a type, each once. */
	public static List<String> ids(Map<String, List<JsonNode>> resources, String type) {
		// a Group export may write a resource once per member it is reached from: warehouses upsert by id
		return resources.getOrDefault(type, List.of()).stream().map(resource -> resource.get("id").asText()).distinct().toList();
	}
}
