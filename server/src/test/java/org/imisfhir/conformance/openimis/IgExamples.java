package org.imisfhir.conformance.openimis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The openIMIS IG's example resources (test resources copied from the published IG), made unique for one run:
 * every example id and every register code gets the run's suffix, and references follow. Nothing else is changed
 * except what a caller replaces explicitly (the IG's documented dangling references).
 */
final class IgExamples {

	static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";

	private static final String[] IDS = {
		"Upper-River-Region", "Jimara-district", "Jamu-municipality", "Jamula-village", "RaptaDistrictHospital",
		"Roberts-Jeb-EO", "Rushila-Dani-CA", "jane-doe", "john-doe", "doe-family", "RX01", "JoeDoeCoverage",
		"Claim001", "JoeDoeEnquiring", "GeneralConsultationService", "AspirinMedication"};

	/** The register codes of the examples (identifier values), each replaced by a code of this run. */
	private static final String[] CODES = {
		"R1", "R1D1", "R1D1M2", "R1D1M2V1", "RAHOS001", "E00001", "JMDP0011", "123456788", "123456789", "Code001",
		"RX01", "A1", "0001"};

	final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
	private final Map<String, String> replacements = new LinkedHashMap<>();
	private final Map<String, String> codes = new LinkedHashMap<>();

	IgExamples() {
		for (String id : IDS) {
			replacements.put("/" + id + "\"", "/" + id(id) + "\"");
			replacements.put("\"id\": \"" + id + "\"", "\"id\": \"" + id(id) + "\"");
		}
		for (int i = 0; i < CODES.length; i++) {
			// two characters telling the codes apart, then 4 of the run: 6 characters, within every register's limit
			String code = "G" + Character.toUpperCase(Character.forDigit(i, 36)) + run.substring(0, 4);
			codes.put(CODES[i], code);
			replacements.put("\"value\": \"" + CODES[i] + "\"", "\"value\": \"" + code + "\"");
		}
	}

	/** The id an example gets in this run. */
	String id(String exampleId) {
		return exampleId + "-" + run;
	}

	/** The code an example's register code gets in this run. */
	String code(String exampleCode) {
		String code = codes.get(exampleCode);
		if (code == null) {
			throw new IllegalArgumentException("Not an example code: " + exampleCode);
		}
		return code;
	}

	IgExamples replace(String from, String to) {
		replacements.put(from, to);
		return this;
	}

	/** The example file with the run's ids, codes and the replacements registered so far. */
	String json(String file) {
		String json = read(file);
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			json = json.replace(replacement.getKey(), replacement.getValue());
		}
		return json;
	}

	private static String read(String file) {
		try (InputStream in = IgExamples.class.getResourceAsStream("/openimis-ig/examples/" + file + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No IG example " + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
