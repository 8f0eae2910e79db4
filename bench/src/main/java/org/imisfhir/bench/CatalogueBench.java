package org.imisfhir.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Catalogue benchmark against a running server: imports N simple services (Cameroon-style transport tariffs)
 * by $import-catalogue in CSV chunks, then one service price list per district (each tariff belongs to one
 * district), then measures the facility-scoped query (services of a district's price lists, first page) and
 * the single "may this facility claim this service" check.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java \
 *     -Dexec.args="--scenario catalogue --url http://localhost:8091/fhir --services 39250 --districts 190 --queries 300"
 * </pre>
 *
 * {@code --skip-services} starts at the price lists (services already loaded), {@code --skip-import} runs only
 * the queries.
 */
public final class CatalogueBench {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String baseUrl;

	private CatalogueBench(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		String url = option(args, "--url", "http://localhost:8091/fhir");
		int services = Integer.parseInt(option(args, "--services", "39250"));
		int districts = Integer.parseInt(option(args, "--districts", "190"));
		int chunk = Integer.parseInt(option(args, "--chunk", "1000"));
		int queries = Integer.parseInt(option(args, "--queries", "300"));
		String prefix = option(args, "--prefix", "T");
		String flags = String.join(" ", args);
		boolean skipImport = flags.contains("--skip-import");
		boolean skipServices = flags.contains("--skip-services");
		CatalogueBench bench = new CatalogueBench(url);
		System.out.printf("Target %s: %d services, %d districts, CSV chunks of %d rows%n", url, services, districts, chunk);
		if (!skipImport) {
			if (!skipServices) {
				bench.locations(districts);
				bench.importServices(services, chunk, prefix, "services, first import");
			}
			bench.importPriceLists(services, districts, prefix);
			bench.importServices(Math.min(services, 5000), chunk, prefix, "services, same rows again");
		}
		bench.queries(services, districts, queries, prefix);
	}

	private void locations(int districts) throws Exception {
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
		bundle.append(location("bench-r", "BENCHR", "R", null));
		for (int d = 1; d <= districts; d++) {
			bundle.append(',').append(location(district(d), "BCHD" + d, "D", "Location/bench-r"));
		}
		bundle.append("]}");
		long t0 = System.nanoTime();
		post(baseUrl, bundle.toString());
		System.out.printf("%d districts written in %.1f s%n", districts, (System.nanoTime() - t0) / 1e9);
	}

	private static String location(String id, String code, String level, String parent) {
		return "{\"resource\":{\"resourceType\":\"Location\",\"id\":\"" + id + "\",\"identifier\":[{\"system\":"
				+ "\"https://imis-fhir.org/fhir/sid/location-code\",\"value\":\"" + code + "\"}],\"name\":\"" + code
				+ "\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
				+ "\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type\",\"code\":\"" + level + "\"}]}]"
				+ (parent == null ? "" : ",\"partOf\":{\"reference\":\"" + parent + "\"}")
				+ "},\"request\":{\"method\":\"PUT\",\"url\":\"Location/" + id + "\"}}";
	}

	private void importServices(int services, int chunk, String prefix, String scenario) throws Exception {
		LatencyRecorder recorder = new LatencyRecorder();
		Random random = new Random(42);
		recorder.start();
		for (int from = 1; from <= services; from += chunk) {
			StringBuilder csv = new StringBuilder("code,name,type,category,level,care_type,price,valid_from\n");
			for (int i = from; i < from + chunk && i <= services; i++) {
				csv.append(code(prefix, i)).append(",Transport tariff ").append(i).append(" (district ")
						.append(i % 190 + 1).append("),C,O,S,O,").append(500 + random.nextInt(40) * 250).append(",2026-01-01\n");
			}
			long t0 = System.nanoTime();
			String answer = importCsv("service", csv.toString());
			recorder.record(System.nanoTime() - t0);
			if (!answer.contains("\"name\":\"refused\",\"valueInteger\":0")) {
				System.out.println("refusals in chunk from " + from + ": " + answer.substring(0, Math.min(600, answer.length())));
			}
		}
		recorder.stop();
		System.out.println(recorder.summary(scenario, services));
	}

	private void importPriceLists(int services, int districts, String prefix) throws Exception {
		LatencyRecorder recorder = new LatencyRecorder();
		recorder.start();
		int listsPerRequest = 10;
		for (int first = 1; first <= districts; first += listsPerRequest) {
			StringBuilder csv = new StringBuilder("list_code,list_name,kind,location_code,valid_from,code,price_overrule\n");
			for (int d = first; d < first + listsPerRequest && d <= districts; d++) {
				for (int i = d; i <= services; i += districts) {
					csv.append("BPL").append(d).append(",Transport tariffs district ").append(d).append(",service,BCHD").append(d)
							.append(",2026-01-01,").append(code(prefix, i)).append(i % 10 == 0 ? ",600" : ",").append('\n');
				}
			}
			long t0 = System.nanoTime();
			importCsv("price-list", csv.toString());
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
		System.out.println(recorder.summary("price lists (" + districts + " lists)", services));
	}

	private void queries(int services, int districts, int queries, String prefix) throws Exception {
		Random random = new Random(7);
		for (int i = 0; i < 20; i++) {
			get("/ActivityDefinition?_has:ChargeItemDefinition:entry:scope=Location/" + district(1 + random.nextInt(districts)) + "&_count=50");
		}
		LatencyRecorder list = new LatencyRecorder();
		list.start();
		int returned = 0;
		for (int q = 0; q < queries; q++) {
			long t0 = System.nanoTime();
			String body = get("/ActivityDefinition?_has:ChargeItemDefinition:entry:scope=Location/" + district(1 + random.nextInt(districts))
					+ "&_count=50&_elements=identifier,title");
			list.record(System.nanoTime() - t0);
			returned += body.split("\"resourceType\":\"ActivityDefinition\"", -1).length - 1;
		}
		list.stop();
		System.out.println(list.summary("facility query, first page of 50", returned));
		LatencyRecorder check = new LatencyRecorder();
		check.start();
		int yes = 0;
		for (int q = 0; q < queries; q++) {
			int service = 1 + random.nextInt(services);
			int d = random.nextBoolean() ? (service - 1) % districts + 1 : 1 + random.nextInt(districts);
			long t0 = System.nanoTime();
			String body = get("/ActivityDefinition?identifier=" + enc("https://imis-fhir.org/fhir/sid/service-code|" + code(prefix, service))
					+ "&_has:ChargeItemDefinition:entry:scope=Location/" + district(d) + "&_summary=count");
			check.record(System.nanoTime() - t0);
			yes += body.contains("\"total\":1") ? 1 : 0;
		}
		check.stop();
		System.out.println(check.summary("may-claim check (" + yes + " yes)", queries));
	}

	private static String code(String prefix, int i) {
		return prefix + String.format("%05d", i);
	}

	private static String district(int d) {
		return "bench-d" + d;
	}

	private String importCsv(String kind, String csv) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"kind\",\"valueCode\":\"" + kind + "\"},"
				+ "{\"name\":\"report\",\"valueCode\":\"refused\"},{\"name\":\"csv\",\"valueString\":" + json(csv) + "}]}";
		return post(baseUrl + "/$import-catalogue", body);
	}

	private String get(String pathAndQuery) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(pathAndQuery + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private String post(String url, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/fhir+json").timeout(Duration.ofMinutes(30))
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static String option(String[] args, String name, String defaultValue) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return defaultValue;
	}
}
