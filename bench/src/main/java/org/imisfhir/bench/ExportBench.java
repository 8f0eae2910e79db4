package org.imisfhir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk export: kicks off {@code $export} (all types, or {@code --types}), polls until complete, downloads every
 * NDJSON file and counts its lines. Prints the time to completion, the download time and resources per second.
 *
 * ./mvnw -q -pl bench exec:java -Dexec.args="--scenario export --url http://localhost:8080/fhir [--types Patient,Group]"
 */
final class ExportBench {

	private static final Pattern OUTPUT = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

	private ExportBench() {}

	static void main(String[] args, String url) throws Exception {
		String types = BenchMain.option(args, "--types", "");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		String kickOffUrl = url + "/$export" + (types.isEmpty() ? "" : "?_type=" + types);
		long start = System.nanoTime();
		HttpResponse<String> kickOff = http.send(HttpRequest.newBuilder(URI.create(kickOffUrl))
				.header("Prefer", "respond-async").header("Cache-Control", "no-cache").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (kickOff.statusCode() != 202) {
			throw new IllegalStateException("kick-off answered " + kickOff.statusCode() + ": " + kickOff.body());
		}
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		String manifest;
		while (true) {
			HttpResponse<String> poll = http.send(HttpRequest.newBuilder(URI.create(status)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (poll.statusCode() == 200) {
				manifest = poll.body();
				break;
			}
			if (poll.statusCode() != 202) {
				throw new IllegalStateException("poll answered " + poll.statusCode() + ": " + poll.body());
			}
			Thread.sleep(200);
		}
		double complete = (System.nanoTime() - start) / 1e9;

		long downloadStart = System.nanoTime();
		Map<String, Integer> counts = new TreeMap<>();
		long bytes = 0;
		int files = 0;
		Matcher output = OUTPUT.matcher(manifest);
		while (output.find()) {
			HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(output.group(2)))
					.header("Accept", "application/fhir+ndjson").GET().build(), HttpResponse.BodyHandlers.ofString());
			if (file.statusCode() != 200) {
				throw new IllegalStateException(output.group(2) + " answered " + file.statusCode());
			}
			files++;
			bytes += file.body().length();
			int lines = (int) file.body().lines().filter(line -> !line.isBlank()).count();
			counts.merge(output.group(1), lines, Integer::sum);
		}
		double download = (System.nanoTime() - downloadStart) / 1e9;
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf("export of %d resources (%d types, %d files, %.1f MB): complete after %.1f s (%.0f resources/s),"
				+ " downloaded in %.1f s; end to end %.0f resources/s%n", total, counts.size(), files, bytes / 1e6, complete,
				total / complete, download, total / (complete + download));
		counts.forEach((type, count) -> System.out.printf("  %-28s %7d%n", type, count));
	}
}
