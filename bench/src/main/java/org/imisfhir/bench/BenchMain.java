package org.imisfhir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Load driver for a running server. Scenario "crud": N Patients (and N valid Locations) through plain creates,
 * then the same number through transaction Bundles; prints throughput and latency percentiles.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.args="--url http://localhost:8080/fhir --count 1000 --bundle-size 100"
 * </pre>
 */
public final class BenchMain {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String baseUrl;
	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private int locations;

	private BenchMain(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		LatencyRecorder.configure(args);
		if ("catalogue".equals(option(args, "--scenario", "crud"))) {
			CatalogueBench.main(args);
			return;
		}
		String url = option(args, "--url", "http://localhost:8080/fhir");
		if ("claims".equals(option(args, "--scenario", "crud"))) {
			ClaimBench.main(args, url);
			return;
		}
		if ("batch-run".equals(option(args, "--scenario", "crud"))) {
			BatchRunBench.main(args, url);
			return;
		}
		if ("subscriptions".equals(option(args, "--scenario", "crud"))) {
			SubscriptionBench.main(args, url);
			return;
		}
		if ("export".equals(option(args, "--scenario", "crud"))) {
			ExportBench.main(args, url);
			return;
		}
		if ("enrolment".equals(option(args, "--scenario", "crud"))) {
			EnrolmentBench.main(args, url);
			return;
		}
		int count = Integer.parseInt(option(args, "--count", "1000"));
		int bundleSize = Integer.parseInt(option(args, "--bundle-size", "100"));
		int warmup = Integer.parseInt(option(args, "--warmup", "50"));
		String type = option(args, "--type", "Patient");
		BenchMain bench = new BenchMain(url);
		System.out.printf("Target %s, %d %s resources, bundles of %d, %d warm-up creates%n", url, count, type, bundleSize, warmup);
		bench.singleCreates(type, warmup, "warm-up", false);
		System.out.println(bench.singleCreates(type, count, "plain creates (" + type + ")", true));
		System.out.println(bench.transactions(type, count, bundleSize));
	}

	private String singleCreates(String type, int count, String scenario, boolean report) throws Exception {
		LatencyRecorder recorder = new LatencyRecorder();
		recorder.start();
		for (int i = 0; i < count; i++) {
			String body = resource(type, "s" + scenario.hashCode() + "-" + i);
			long t0 = System.nanoTime();
			post(baseUrl + "/" + type, body, 201);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
		return report ? recorder.summary(scenario, count) : "";
	}

	private String transactions(String type, int count, int bundleSize) throws Exception {
		LatencyRecorder recorder = new LatencyRecorder();
		recorder.start();
		for (int offset = 0; offset < count; offset += bundleSize) {
			List<String> entries = new ArrayList<>();
			for (int i = offset; i < Math.min(count, offset + bundleSize); i++) {
				entries.add("{\"resource\":" + resource(type, "t-" + i) + ",\"request\":{\"method\":\"POST\",\"url\":\"" + type + "\"}}");
			}
			String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
			long t0 = System.nanoTime();
			post(baseUrl, bundle, 200);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
		return recorder.summary("transaction bundles (" + type + ")", count);
	}

	private String resource(String type, String suffix) {
		String id = run + "-" + suffix;
		return switch (type) {
			case "Patient" -> "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-is-head\",\"valueBoolean\":true}],"
					+ "\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/insurance-number\",\"value\":\""
					+ id + "\"}],\"name\":[{\"family\":\"Bench" + id + "\",\"given\":[\"Amina\"]}],\"gender\":\"female\",\"birthDate\":\"1990-05-17\"}";
			// A region (no parent needed), with a code of at most 8 characters: B, 3 of the run, 4 of a counter
			case "Location" -> "{\"resourceType\":\"Location\",\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/location-code\",\"value\":\"B"
					+ run.substring(0, 3).toUpperCase() + String.format("%4s", Integer.toString(locations++, 36)).replace(' ', '0').toUpperCase()
					+ "\"}],\"status\":\"active\",\"name\":\"Region " + id
					+ "\",\"type\":[{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type\",\"code\":\"R\"}]}]}";
			default -> throw new IllegalArgumentException("Unsupported --type " + type + " (Patient or Location)");
		};
	}

	private void post(String url, String body, int expectedStatus) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(5))
				.header("Content-Type", "application/fhir+json")
				.header("Prefer", "return=minimal")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
		}
	}

	static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}
}
