package org.imisfhir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch-run scenario: makes processed claims of the demo's national relative-price product RPNA0001 (families
 * enrolled and paid, then claims of item 0002 at Rapta Health Centre and Rapta Dispensary entered, submitted and
 * processed), then times {@code $batch-run} for this month, national, from the request to the Task completed.
 * An earlier national run of this month is cancelled first (its claims go back to processed), so the timing can be
 * repeated on the same claims with {@code --create 0}.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.args="--scenario batch-run --url http://localhost:8080/fhir --create 2000"
 * </pre>
 */
final class BatchRunBench {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern CLAIM_REF = Pattern.compile("\"request\"\\s*:\\s*\\{\\s*\"reference\"\\s*:\\s*\"Claim/([^\"]+)\"");
	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z-]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String baseUrl;
	private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();

	private BatchRunBench(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	static void main(String[] args, String url) throws Exception {
		int create = Integer.parseInt(BenchMain.option(args, "--create", "1000"));
		int perFamily = Integer.parseInt(BenchMain.option(args, "--claims-per-family", "300"));
		BatchRunBench bench = new BatchRunBench(url);
		LocalDate today = LocalDate.now();
		System.out.printf("Target %s, %d new processed claims (RPNA0001), then $batch-run %d-%02d national%n", url, create,
				today.getYear(), today.getMonthValue());
		if (create > 0) {
			long t0 = System.nanoTime();
			int made = bench.processedClaims(create, perFamily, today);
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("set-up: %d claims entered, submitted and processed in %.1f s (%.1f claims/s)%n", made, seconds, made / seconds);
		}
		bench.cancelExisting(today);
		bench.timeRun(today);
	}

	private int processedClaims(int count, int perFamily, LocalDate today) throws Exception {
		LocalDate enrol = today.minusMonths(7).withDayOfMonth(1);
		int made = 0;
		for (int family = 0; made < count; family++) {
			String[] insured = enrolFamily(family, enrol);
			List<String> claims = new ArrayList<>();
			for (int j = 0; j < perFamily && made + claims.size() < count; j++) {
				String facility = j % 2 == 0 ? "hf-rthc001" : "hf-rtdi001";
				LocalDate day = today.minusDays(1 + j / 2);
				if (day.isBefore(enrol.plusMonths(1))) {
					break;
				}
				claims.add(claim("B" + run + family + "-" + j, insured[0], insured[1], facility, day));
			}
			for (int from = 0; from < claims.size(); from += 50) {
				StringBuilder parameters = new StringBuilder("{\"resourceType\":\"Parameters\",\"parameter\":[");
				List<String> part = claims.subList(from, Math.min(claims.size(), from + 50));
				for (int i = 0; i < part.size(); i++) {
					parameters.append(i == 0 ? "" : ",").append("{\"name\":\"resource\",\"resource\":").append(part.get(i)).append('}');
				}
				parameters.append("]}");
				String answer = post(baseUrl + "/Claim/$submit", parameters.toString(), null);
				Matcher refs = CLAIM_REF.matcher(answer);
				while (refs.find()) {
					post(baseUrl + "/Claim/" + refs.group(1) + "/$process", "{\"resourceType\":\"Parameters\"}", null);
					made++;
				}
			}
		}
		return made;
	}

	private String[] enrolFamily(int family, LocalDate enrol) throws Exception {
		String number = "BR" + run + family;
		String request = "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ "{\"name\":\"family\",\"resource\":{\"resourceType\":\"Group\",\"type\":\"person\",\"actual\":true,\"extension\":["
				+ "{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-address\",\"valueAddress\":{\"extension\":[{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference\",\"valueReference\":{\"reference\":\"Location/loc-r1d1m1v1\"}}]}},"
				+ "{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-poverty-status\",\"valueBoolean\":false},"
				+ "{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-type\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/group-type\",\"code\":\"H\"}]}}]}},"
				+ "{\"name\":\"member\",\"resource\":{\"resourceType\":\"Patient\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers\",\"code\":\"Code\"}]},\"system\":\"https://imis-fhir.org/fhir/sid/insurance-number\",\"value\":\"" + number + "\"}],"
				+ "\"extension\":[{\"url\":\"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-is-head\",\"valueBoolean\":true}],"
				+ "\"name\":[{\"family\":\"Bench\",\"given\":[\"Run\"]}],\"gender\":\"female\",\"birthDate\":\"1990-02-01\"}},"
				+ "{\"name\":\"product\",\"valueString\":\"RPNA0001\"},{\"name\":\"enrolDate\",\"valueDate\":\"" + enrol + "\"}]}";
		String bundle = post(baseUrl + "/Group/$enrol", request, null);
		String patient = idAfter(bundle, "\"resourceType\":\"Patient\"");
		String policy = idAfter(bundle, "\"resourceType\":\"Coverage\"");
		String contribution = "{\"resourceType\":\"PaymentNotice\",\"meta\":{\"profile\":[\"https://imis-fhir.org/fhir/StructureDefinition/imis-contribution\"]},"
				+ "\"extension\":[{\"url\":\"https://imis-fhir.org/fhir/StructureDefinition/contribution-details\",\"extension\":[{\"url\":\"payType\",\"valueCode\":\"C\"}]}],"
				+ "\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/contribution-receipt\",\"value\":\"RPNA0001|" + number + "\"}],"
				+ "\"status\":\"active\",\"created\":\"" + enrol + "\",\"request\":{\"reference\":\"Coverage/" + policy + "\"},"
				+ "\"payment\":{\"identifier\":{\"value\":\"" + number + "\"}},\"paymentDate\":\"" + enrol + "\","
				+ "\"recipient\":{\"reference\":\"Organization/org-scheme\"},\"amount\":{\"value\":12000,\"currency\":\"XAF\"}}";
		post(baseUrl + "/PaymentNotice", contribution, null);
		return new String[] {patient, policy};
	}

	private static String claim(String code, String patient, String policy, String facility, LocalDate day) {
		return "{\"resourceType\":\"Claim\",\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/claim-code\",\"value\":\"" + code + "\"}],"
				+ "\"status\":\"active\",\"type\":{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type\",\"code\":\"O\"}]},"
				+ "\"use\":\"claim\",\"patient\":{\"reference\":\"Patient/" + patient + "\"},\"billablePeriod\":{\"start\":\"" + day + "\",\"end\":\"" + day + "\"},"
				+ "\"created\":\"" + LocalDate.now() + "\",\"provider\":{\"reference\":\"Organization/" + facility + "\"},"
				+ "\"priority\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/processpriority\",\"code\":\"normal\"}]},"
				+ "\"diagnosis\":[{\"sequence\":1,\"diagnosisCodeableConcept\":{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1\",\"code\":\"O80\"}]}}],"
				+ "\"insurance\":[{\"sequence\":1,\"focal\":true,\"coverage\":{\"reference\":\"Coverage/" + policy + "\"}}],"
				+ "\"item\":[{\"sequence\":1,\"category\":{\"coding\":[{\"system\":\"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category\",\"code\":\"item\"}]},"
				+ "\"productOrService\":{\"coding\":[{\"system\":\"https://imis-fhir.org/fhir/sid/item-code\",\"code\":\"0002\"}]},"
				+ "\"quantity\":{\"value\":1},\"unitPrice\":{\"value\":250,\"currency\":\"XAF\"}}]}";
	}

	private void cancelExisting(LocalDate today) throws Exception {
		String key = String.format("%04d-%02d|national", today.getYear(), today.getMonthValue());
		String found = get(baseUrl + "/Task?batch-run-key=" + java.net.URLEncoder.encode("https://imis-fhir.org/fhir/sid/batch-run-key|" + key,
				java.nio.charset.StandardCharsets.UTF_8));
		Matcher task = Pattern.compile("\"fullUrl\"\\s*:\\s*\"[^\"]*/Task/([^\"/]+)\"").matcher(found);
		if (task.find()) {
			long t0 = System.nanoTime();
			post(baseUrl + "/Task/" + task.group(1) + "/$batch-run-cancel", "{\"resourceType\":\"Parameters\"}", null);
			System.out.printf("earlier run Task/%s cancelled (its claims back to processed) in %.1f s%n", task.group(1), (System.nanoTime() - t0) / 1e9);
		}
	}

	private void timeRun(LocalDate today) throws Exception {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"year\",\"valueInteger\":" + today.getYear()
				+ "},{\"name\":\"month\",\"valueInteger\":" + today.getMonthValue() + "}]}";
		long t0 = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/$batch-run"))
				.header("Content-Type", "application/fhir+json").header("Prefer", "respond-async")
				.POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofMinutes(5)).build();
		HttpResponse<String> accepted = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("$batch-run: " + accepted.statusCode() + " " + accepted.body());
		}
		String taskUrl = accepted.headers().firstValue("Content-Location").orElseThrow();
		String status;
		String task;
		do {
			Thread.sleep(250);
			task = get(taskUrl);
			Matcher m = STATUS.matcher(task);
			status = m.find() ? m.group(1) : "?";
		} while (!status.equals("completed") && !status.equals("failed") && !status.equals("cancelled"));
		double seconds = (System.nanoTime() - t0) / 1e9;
		Matcher done = Pattern.compile("\"code\"\\s*:\\s*\"claims-done\"[^}]*}[^}]*}\\s*,\\s*\"valueInteger\"\\s*:\\s*(\\d+)").matcher(task);
		int claims = done.find() ? Integer.parseInt(done.group(1)) : -1;
		System.out.printf("$batch-run %s: %s, %d claims in %.1f s (%.1f claims/s)%n", taskUrl, status, claims, seconds, claims / seconds);
	}

	private String post(String url, String body, String prefer) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/fhir+json")
				.timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private String get(String url) throws Exception {
		// no-cache: HAPI would otherwise answer a repeated search (the run of the month) from its cache of the first answer
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
				.header("Cache-Control", "no-cache").GET().build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static String idAfter(String json, String marker) {
		int at = json.indexOf(marker);
		if (at < 0) {
			throw new IllegalStateException("no " + marker + " in " + json);
		}
		Matcher id = ID.matcher(json.substring(at));
		if (!id.find()) {
			throw new IllegalStateException("no id after " + marker);
		}
		return id.group(1);
	}
}
