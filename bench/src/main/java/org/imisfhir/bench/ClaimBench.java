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
 * Claims scenario on the demo scheme: enrols and pays N one-person families on PMTA0001 (active from
 * 2026-04-10), loads existing checked claims spread over them (each entered and submitted), then measures in
 * one run {@code Claim/$submit} of 5-line claims (entered and submitted in one call) against a plain
 * {@code POST Claim} of claims of the same shape, and eligibility enquiries; then loads more existing claims
 * and measures again, to show how the figures move with the number of claims already stored.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.args="--scenario claims --url http://localhost:8080/fhir --insurees 200 --existing 1000,5000 --measured 300"
 * </pre>
 */
final class ClaimBench {

	private static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	private static final String NUMBER = "https://imis-fhir.org/fhir/sid/insurance-number";
	private static final Pattern ID = Pattern.compile("\"resourceType\":\"(Patient|Coverage)\",\"id\":\"([^\"]+)\"");
	private static final Pattern VALUE = Pattern.compile("\"url\":\"value\",\"valueMoney\":\\{\"value\":([0-9.]+)");
	private static final LocalDate FIRST_DAY = LocalDate.parse("2026-04-15");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String baseUrl;
	private final String run = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
	private final List<String[]> insurees = new ArrayList<>();   // {patient id, policy id, insurance number}
	private int claimNumber;
	/** The contribution of each family alone (it activates the policy), timed apart from the enrolment. */
	private final LatencyRecorder contributions = new LatencyRecorder();

	private ClaimBench(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	static void main(String[] args, String url) throws Exception {
		int people = Integer.parseInt(option(args, "--insurees", "200"));
		String[] existingSteps = option(args, "--existing", "1000,5000").split(",");
		int measured = Integer.parseInt(option(args, "--measured", "300"));
		int enquiries = Integer.parseInt(option(args, "--enquiries", "300"));
		ClaimBench bench = new ClaimBench(url);
		System.out.printf("Target %s: %d insurees, existing claims %s, %d claims measured per mode%n",
				url, people, String.join(" then ", existingSteps), measured);
		LatencyRecorder setup = new LatencyRecorder();
		bench.insure(people, setup);
		System.out.println(setup.summary("enrol and pay (families)", people));
		System.out.println(bench.contributions.summary("of which POST PaymentNotice (full contribution)", people));
		int existing = 0;
		for (String step : existingSteps) {
			int target = Integer.parseInt(step.trim());
			LatencyRecorder load = new LatencyRecorder();
			bench.load(target - existing, load);
			existing = target;
			if (load.count() > 0) {
				System.out.println(load.summary("existing claims loaded (submit)", load.count()) + " | stored claims now " + bench.claimNumber);
			}
			LatencyRecorder submit = new LatencyRecorder();
			bench.claims(measured, true, submit);
			System.out.println(submit.summary("Claim/$submit, 5 lines, at " + existing + " existing", measured));
			LatencyRecorder plain = new LatencyRecorder();
			bench.claims(measured, false, plain);
			System.out.println(plain.summary("plain POST Claim, 5 lines, at " + existing + " existing", measured));
			LatencyRecorder eligibility = new LatencyRecorder();
			bench.enquiries(enquiries, eligibility);
			System.out.println(eligibility.summary("CoverageEligibilityRequest/$submit, at " + existing + " existing", enquiries));
		}
	}

	private void insure(int people, LatencyRecorder recorder) throws Exception {
		recorder.start();
		contributions.start();
		for (int p = 0; p < people; p++) {
			String number = run + "N" + p;
			String body = "{\"resourceType\":\"Parameters\",\"parameter\":["
					+ "{\"name\":\"family\",\"resource\":{\"resourceType\":\"Group\",\"type\":\"person\",\"actual\":true,\"extension\":[{\"url\":\""
					+ IG + "StructureDefinition/group-address\",\"valueAddress\":{\"extension\":[{\"url\":\"" + IG
					+ "StructureDefinition/address-location-reference\",\"valueReference\":{\"reference\":\"Location/loc-r1d1m1v1\"}}]}}]}},"
					+ "{\"name\":\"member\",\"resource\":{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"" + IG
					+ "StructureDefinition/patient-is-head\",\"valueBoolean\":true}],\"identifier\":[{\"system\":\"" + NUMBER
					+ "\",\"value\":\"" + number + "\"}],\"name\":[{\"family\":\"Bench\",\"given\":[\"P" + p + "\"]}],"
					+ "\"gender\":\"" + (p % 2 == 0 ? "female" : "male") + "\",\"birthDate\":\"1985-0" + (1 + p % 9) + "-15\"}},"
					+ "{\"name\":\"product\",\"valueString\":\"PMTA0001\"},{\"name\":\"enrolDate\",\"valueDate\":\"2026-03-10\"}]}";
			long t0 = System.nanoTime();
			String enrolled = post(baseUrl + "/Group/$enrol", body, 200, false);
			String patient = null;
			String policy = null;
			Matcher ids = ID.matcher(enrolled);
			while (ids.find()) {
				if (ids.group(1).equals("Patient")) {
					patient = ids.group(2);
				} else {
					policy = ids.group(2);
				}
			}
			Matcher value = VALUE.matcher(enrolled);
			if (patient == null || policy == null || !value.find()) {
				throw new IllegalStateException("Unexpected $enrol answer: " + enrolled);
			}
			long t1 = System.nanoTime();
			post(baseUrl + "/PaymentNotice", contribution(policy, number, value.group(1)), 201, true);
			long t2 = System.nanoTime();
			contributions.record(t2 - t1);
			recorder.record(t2 - t0);
			insurees.add(new String[] {patient, policy, number});
		}
		recorder.stop();
		contributions.stop();
	}

	private void load(int count, LatencyRecorder recorder) throws Exception {
		recorder.start();
		for (int i = 0; i < count; i++) {
			long t0 = System.nanoTime();
			post(baseUrl + "/Claim/$submit", parameters(nextClaim()), 200, true);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
	}

	private void claims(int count, boolean submit, LatencyRecorder recorder) throws Exception {
		recorder.start();
		for (int i = 0; i < count; i++) {
			String claim = nextClaim();
			long t0 = System.nanoTime();
			if (submit) {
				post(baseUrl + "/Claim/$submit", parameters(claim), 200, true);
			} else {
				post(baseUrl + "/Claim", claim, 201, true);
			}
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
	}

	private void enquiries(int count, LatencyRecorder recorder) throws Exception {
		recorder.start();
		for (int i = 0; i < count; i++) {
			String[] insuree = insurees.get(i % insurees.size());
			String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{"
					+ "\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"purpose\":[\"benefits\"],"
					+ "\"patient\":{\"identifier\":{\"system\":\"" + NUMBER + "\",\"value\":\"" + insuree[2] + "\"}},"
					+ "\"servicedDate\":\"2026-10-01\",\"created\":\"2026-10-01\",\"insurer\":{\"reference\":\"Organization/org-scheme\"},"
					+ "\"item\":[{\"category\":{\"coding\":[{\"system\":\"" + IG + "CodeSystem/claim-item-category\",\"code\":\"item\"}]},"
					+ "\"productOrService\":{\"text\":\"0002\"}}]}}]}";
			long t0 = System.nanoTime();
			post(baseUrl + "/CoverageEligibilityRequest/$submit", body, 200, false);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
	}

	/** A 5-line claim: consultation-free items and one immunization, for the next insuree on its next day of care. */
	private String nextClaim() {
		int n = claimNumber++;
		String[] insuree = insurees.get(n % insurees.size());
		LocalDate day = FIRST_DAY.plusDays((n / insurees.size()) % 350);
		String code = run + "K" + n;
		StringBuilder items = new StringBuilder();
		String[][] lines = {{"service", "C1", "1", "500"}, {"item", "0001", "10", "10"}, {"item", "0002", "2", "250"},
				{"item", "0004", "1", "100"}, {"item", "0005", "3", "50"}};
		for (int l = 0; l < lines.length; l++) {
			String system = lines[l][0].equals("service") ? "https://imis-fhir.org/fhir/sid/service-code" : "https://imis-fhir.org/fhir/sid/item-code";
			items.append(l == 0 ? "" : ",").append("{\"sequence\":").append(l + 1)
					.append(",\"category\":{\"coding\":[{\"system\":\"").append(IG).append("CodeSystem/claim-item-category\",\"code\":\"")
					.append(lines[l][0]).append("\"}]},\"productOrService\":{\"coding\":[{\"system\":\"").append(system)
					.append("\",\"code\":\"").append(lines[l][1]).append("\"}]},\"quantity\":{\"value\":").append(lines[l][2])
					.append("},\"unitPrice\":{\"value\":").append(lines[l][3]).append(",\"currency\":\"XAF\"}}");
		}
		return "{\"resourceType\":\"Claim\",\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/claim-code\",\"value\":\"" + code + "\"}],"
				+ "\"status\":\"active\",\"use\":\"claim\",\"type\":{\"coding\":[{\"system\":\"" + IG + "CodeSystem/claim-visit-type\",\"code\":\"O\"}]},"
				+ "\"patient\":{\"reference\":\"Patient/" + insuree[0] + "\"},\"billablePeriod\":{\"start\":\"" + day + "\",\"end\":\"" + day + "\"},"
				+ "\"created\":\"" + day.plusDays(1) + "\",\"provider\":{\"reference\":\"Organization/hf-rtdi001\"},"
				+ "\"priority\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/processpriority\",\"code\":\"normal\"}]},"
				+ "\"insurance\":[{\"sequence\":1,\"focal\":true,\"coverage\":{\"reference\":\"Coverage/" + insuree[1] + "\"}}],"
				+ "\"item\":[" + items + "]}";
	}

	private static String parameters(String claim) {
		return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":" + claim + "}]}";
	}

	private static String contribution(String policy, String receipt, String amount) {
		return "{\"resourceType\":\"PaymentNotice\",\"extension\":[{\"url\":\"https://imis-fhir.org/fhir/StructureDefinition/contribution-details\","
				+ "\"extension\":[{\"url\":\"payType\",\"valueCode\":\"C\"}]}],"
				+ "\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/contribution-receipt\",\"value\":\"PMTA0001|" + receipt + "\"}],"
				+ "\"status\":\"active\",\"created\":\"2026-03-20\",\"request\":{\"reference\":\"Coverage/" + policy + "\"},"
				+ "\"payment\":{\"identifier\":{\"value\":\"" + receipt + "\"}},\"paymentDate\":\"2026-03-20\","
				+ "\"recipient\":{\"reference\":\"Organization/org-scheme\"},\"amount\":{\"value\":" + amount + ",\"currency\":\"XAF\"}}";
	}

	private String post(String url, String body, int expectedStatus, boolean minimal) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(5))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (minimal) {
			request.header("Prefer", "return=minimal");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
		}
		return response.body();
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
