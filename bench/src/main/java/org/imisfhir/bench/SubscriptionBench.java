package org.imisfhir.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario "subscriptions": how long a rest-hook notification takes after the write that triggers it. A local
 * endpoint (the JDK's HTTP server) subscribes to {@code Patient?name=Bench<run>}; N Patients are created one
 * after another, each waited for at the endpoint before the next; prints p50/p95/max of the time from the
 * write's answer to the notification's arrival, and from sending the write.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.args="--scenario subscriptions --count 50"
 * </pre>
 */
final class SubscriptionBench {

	private static final Pattern ID = Pattern.compile("/Patient/([^/]+)/_history/");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
	private final String baseUrl;
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private SubscriptionBench(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	static void main(String[] args, String url) throws Exception {
		int count = Integer.parseInt(option(args, "--count", "50"));
		int warmup = Integer.parseInt(option(args, "--warmup", "5"));
		new SubscriptionBench(url).measure(count, warmup);
	}

	private void measure(int count, int warmup) throws Exception {
		HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/hook/", exchange -> {
			long now = System.nanoTime();
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			arrivals.putIfAbsent(path.substring(path.lastIndexOf('/') + 1), now);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		endpoint.start();
		String hook = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook/" + run;
		String subscription = send("POST", baseUrl + "/Subscription", "{\"resourceType\":\"Subscription\",\"status\":\"requested\","
				+ "\"reason\":\"bench\",\"criteria\":\"Patient?name=Bench" + run + "\",\"channel\":{\"type\":\"rest-hook\","
				+ "\"endpoint\":\"" + hook + "\",\"payload\":\"application/fhir+json\"}}", 201).headers()
				.firstValue("Location").orElseThrow();
		String subscriptionId = subscription.replaceAll(".*/Subscription/([^/]+)/.*", "$1");
		String strategy = "";
		for (int i = 0; i < 600; i++) {
			String body = send("GET", baseUrl + "/Subscription/" + subscriptionId, null, 200).body();
			if (body.contains("\"status\":\"active\"") || body.contains("\"status\": \"active\"")) {
				strategy = body.contains("IN_MEMORY") ? "in memory" : "database";
				break;
			}
			Thread.sleep(100);
		}
		Thread.sleep(2000); // every node's registry has it
		System.out.printf("Subscription/%s active, matched %s; %d warm-up writes, %d measured%n", subscriptionId, strategy, warmup, count);
		List<Long> afterAnswer = new ArrayList<>();
		List<Long> afterSend = new ArrayList<>();
		for (int i = 0; i < warmup + count; i++) {
			long sent = System.nanoTime();
			HttpResponse<String> created = send("POST", baseUrl + "/Patient", patient(i), 201);
			long answered = System.nanoTime();
			Matcher id = ID.matcher(created.headers().firstValue("Location").orElseThrow());
			if (!id.find()) {
				throw new IllegalStateException("No id in " + created.headers().firstValue("Location"));
			}
			Long arrived = null;
			for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); arrived == null && System.nanoTime() < deadline; ) {
				arrived = arrivals.get(id.group(1));
				if (arrived == null) {
					Thread.sleep(1);
				}
			}
			if (arrived == null) {
				throw new IllegalStateException("No notification for Patient/" + id.group(1) + " within 60 s");
			}
			if (i >= warmup) {
				afterAnswer.add(Math.max(0, arrived - answered));
				afterSend.add(arrived - sent);
			}
		}
		send("DELETE", baseUrl + "/Subscription/" + subscriptionId, null, 200);
		endpoint.stop(0);
		System.out.println("notification after the write's answer: " + percentiles(afterAnswer));
		System.out.println("notification after sending the write:  " + percentiles(afterSend));
	}

	private String patient(int i) {
		String id = run + "-" + i;
		return "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-is-head\",\"valueBoolean\":true}],"
				+ "\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/insurance-number\",\"value\":\"" + id + "\"}],"
				+ "\"name\":[{\"family\":\"Bench" + id + "\",\"given\":[\"Amina\"]}],\"gender\":\"female\",\"birthDate\":\"1990-05-17\"}";
	}

	private static String percentiles(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format("n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted.size(), at(sorted, 0.50), at(sorted, 0.95),
				sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double at(List<Long> sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private HttpResponse<String> send(String method, String url, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + method + " " + url + ": " + response.body());
		}
		return response;
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}
}
