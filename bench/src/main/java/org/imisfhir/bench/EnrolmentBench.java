package org.imisfhir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Enrolment scenario: N generated families of 1–8 members, each enrolled with a policy on a product through
 * {@code Group/$enrol} (value and dates computed, rules applied), then the same number of families with the
 * same shape posted as plain transaction Bundles (Patients, Group, Coverage with precomputed fields), one family
 * per request in both cases. Then insuree look-ups by insurance number.
 *
 * <pre>
 * ./mvnw -q -pl bench exec:java -Dexec.args="--scenario enrolment --url http://localhost:8080/fhir --families 500"
 * </pre>
 */
final class EnrolmentBench {

	private static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	private static final String NUMBER = "https://imis-fhir.org/fhir/sid/insurance-number";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String baseUrl;
	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	private final Random random = new Random(20261123L);
	private final List<String> numbers = new ArrayList<>();
	private int members;

	private EnrolmentBench(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	static void main(String[] args, String url) throws Exception {
		int families = Integer.parseInt(option(args, "--families", "500"));
		String product = option(args, "--product", "PMTA0001");
		String village = option(args, "--village", "Location/loc-r1d1m1v1");
		int lookups = Integer.parseInt(option(args, "--lookups", "500"));
		EnrolmentBench bench = new EnrolmentBench(url);
		System.out.printf("Target %s, %d families per mode on %s, village %s%n", url, families, product, village);
		bench.enrol(10, product, village, new LatencyRecorder());
		LatencyRecorder enrol = new LatencyRecorder();
		int enrolled = bench.enrol(families, product, village, enrol);
		System.out.println(enrol.summary("Group/$enrol (families)", families) + " | " + enrolled + " insurees");
		LatencyRecorder plain = new LatencyRecorder();
		int posted = bench.plainTransactions(families, village, plain);
		System.out.println(plain.summary("plain transactions (families)", families) + " | " + posted + " insurees");
		LatencyRecorder lookup = new LatencyRecorder();
		bench.lookups(lookups, lookup);
		System.out.println(lookup.summary("insuree by insurance number", lookups));
	}

	private int enrol(int families, String product, String village, LatencyRecorder recorder) throws Exception {
		members = 0;
		recorder.start();
		for (int f = 0; f < families; f++) {
			StringBuilder body = new StringBuilder("{\"resourceType\":\"Parameters\",\"parameter\":[");
			body.append("{\"name\":\"family\",\"resource\":").append(family(village, null)).append("}");
			for (String member : familyMembers("E" + f)) {
				body.append(",{\"name\":\"member\",\"resource\":").append(member).append("}");
			}
			body.append(",{\"name\":\"product\",\"valueString\":\"").append(product).append("\"}");
			body.append(",{\"name\":\"enrolDate\",\"valueDate\":\"2026-03-10\"}]}");
			long t0 = System.nanoTime();
			post(baseUrl + "/Group/$enrol", body.toString(), 200);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
		return members;
	}

	private int plainTransactions(int families, String village, LatencyRecorder recorder) throws Exception {
		members = 0;
		recorder.start();
		for (int f = 0; f < families; f++) {
			List<String> people = familyMembers("T" + f);
			StringBuilder entries = new StringBuilder();
			List<String> urns = new ArrayList<>();
			for (String member : people) {
				String urn = "urn:uuid:" + UUID.randomUUID();
				urns.add(urn);
				entries.append("{\"fullUrl\":\"").append(urn).append("\",\"resource\":").append(member)
						.append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},");
			}
			String familyUrn = "urn:uuid:" + UUID.randomUUID();
			entries.append("{\"fullUrl\":\"").append(familyUrn).append("\",\"resource\":").append(family(village, urns))
					.append(",\"request\":{\"method\":\"POST\",\"url\":\"Group\"}},");
			entries.append("{\"resource\":").append(policy(familyUrn, urns.get(0), "T" + f))
					.append(",\"request\":{\"method\":\"POST\",\"url\":\"Coverage\"}}");
			String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
			long t0 = System.nanoTime();
			post(baseUrl, bundle, 200);
			recorder.record(System.nanoTime() - t0);
		}
		recorder.stop();
		return members;
	}

	private void lookups(int count, LatencyRecorder recorder) throws Exception {
		recorder.start();
		for (int i = 0; i < count; i++) {
			String number = numbers.get(random.nextInt(numbers.size()));
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(
							URI.create(baseUrl + "/Patient?identifier=" + NUMBER + "%7C" + number)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			recorder.record(System.nanoTime() - t0);
			if (response.statusCode() != 200 || !response.body().contains(number)) {
				throw new IllegalStateException("Look-up of " + number + " failed: " + response.statusCode());
			}
		}
		recorder.stop();
	}

	/** 1 to 8 members: a head, a spouse for most families, children, sometimes another relative. */
	private List<String> familyMembers(String family) {
		int size = 1 + random.nextInt(8);
		List<String> people = new ArrayList<>();
		for (int m = 0; m < size; m++) {
			String number = run + family + "M" + m;
			numbers.add(number);
			String relationship = m == 0 ? null : m == 1 ? "8" : m == 7 ? "7" : "4";
			int birthYear = m <= 1 ? 1960 + random.nextInt(30) : 2000 + random.nextInt(25);
			StringBuilder patient = new StringBuilder("{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"")
					.append(IG).append("StructureDefinition/patient-is-head\",\"valueBoolean\":").append(m == 0).append("}],")
					.append("\"identifier\":[{\"system\":\"").append(NUMBER).append("\",\"value\":\"").append(number).append("\"}],")
					.append("\"name\":[{\"family\":\"Bench").append(family).append("\",\"given\":[\"M").append(m).append("\"]}],")
					.append("\"gender\":\"").append(m % 2 == 0 ? "male" : "female").append("\",\"birthDate\":\"")
					.append(birthYear).append("-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(9)).append("\"");
			if (relationship != null) {
				patient.append(",\"contact\":[{\"relationship\":[{\"coding\":[{\"system\":\"").append(IG)
						.append("CodeSystem/patient-contact-relationship\",\"code\":\"").append(relationship)
						.append("\"}]}],\"name\":{\"family\":\"Bench").append(family).append("\"}}]");
			}
			people.add(patient.append("}").toString());
			members++;
		}
		return people;
	}

	private String family(String village, List<String> memberUrns) {
		StringBuilder group = new StringBuilder("{\"resourceType\":\"Group\",\"type\":\"person\",\"actual\":true,\"extension\":[{\"url\":\"")
				.append(IG).append("StructureDefinition/group-address\",\"valueAddress\":{\"extension\":[{\"url\":\"")
				.append(IG).append("StructureDefinition/address-location-reference\",\"valueReference\":{\"reference\":\"")
				.append(village).append("\"}}]}}]");
		if (memberUrns != null) {
			String head = numbers.get(numbers.size() - memberUrns.size());
			group.append(",\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/family-code\",\"value\":\"").append(head).append("\"}]");
			group.append(",\"member\":[");
			for (int i = 0; i < memberUrns.size(); i++) {
				group.append(i == 0 ? "" : ",").append("{\"entity\":{\"reference\":\"").append(memberUrns.get(i)).append("\"}}");
			}
			group.append("]");
		}
		return group.append("}").toString();
	}

	/** The policy a client would compute itself (fixed figures: the plain path does no business work). */
	private String policy(String familyUrn, String headUrn, String key) {
		return "{\"resourceType\":\"Coverage\",\"extension\":[{\"url\":\"" + IG + "StructureDefinition/coverage-policy-status\","
				+ "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"https://imis-fhir.org/fhir/CodeSystem/policy-status\",\"code\":\"1\"}]}},"
				+ "{\"url\":\"https://imis-fhir.org/fhir/StructureDefinition/policy-details\",\"extension\":["
				+ "{\"url\":\"family\",\"valueReference\":{\"reference\":\"" + familyUrn + "\"}},{\"url\":\"stage\",\"valueCode\":\"N\"},"
				+ "{\"url\":\"enrolDate\",\"valueDate\":\"2026-03-10\"},{\"url\":\"value\",\"valueMoney\":{\"value\":4900,\"currency\":\"XAF\"}}]}],"
				+ "\"identifier\":[{\"system\":\"https://imis-fhir.org/fhir/sid/policy-key\",\"value\":\"" + run + key + "\"}],"
				+ "\"status\":\"draft\",\"beneficiary\":{\"reference\":\"" + headUrn + "\"},\"policyHolder\":{\"reference\":\"" + headUrn + "\"},"
				+ "\"payor\":[{\"reference\":\"" + headUrn + "\"}],\"period\":{\"start\":\"2026-04-10\",\"end\":\"2027-04-09\"},"
				+ "\"class\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/coverage-class\",\"code\":\"plan\"}]},\"value\":\"PMTA0001\"}]}";
	}

	private void post(String url, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
						.timeout(Duration.ofMinutes(5))
						.header("Content-Type", "application/fhir+json")
						.header("Prefer", "return=minimal")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
		}
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
