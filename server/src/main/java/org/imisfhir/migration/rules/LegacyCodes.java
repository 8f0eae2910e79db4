package org.imisfhir.migration.rules;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * The openIMIS code sets translated to ours, read from the ConceptMaps in terminology/imis/
 * (ConceptMap-openimis-*.json) so the published mapping and the importer can never disagree.
 */
public final class LegacyCodes {

	public static final String GENDER = "openimis-gender";
	public static final String POLICY_STATUS = "openimis-policy-status";
	public static final String CLAIM_STATUS = "openimis-claim-status";
	public static final String CLAIM_VISIT_TYPE = "openimis-claim-visit-type";

	private static final Map<String, Map<String, String>> MAPS = new HashMap<>();

	private LegacyCodes() {}

	/** The target code of an openIMIS code in the named ConceptMap; empty when the code is not mapped. */
	public static Optional<String> translate(String conceptMap, String code) {
		return Optional.ofNullable(map(conceptMap).get(code));
	}

	/** The row's column translated; refuses the row when its value is not in the map (absent: the default, or missing). */
	public static String translate(String conceptMap, LegacyRow row, String column, String defaultCode) {
		if (!row.has(column)) {
			if (defaultCode == null) {
				throw RowRefusal.missing(row, column);
			}
			return translate(conceptMap, defaultCode).orElseThrow();
		}
		return translate(conceptMap, row.text(column).toUpperCase()).orElseThrow(() -> RowRefusal.invalid(row, column));
	}

	private static synchronized Map<String, String> map(String id) {
		return MAPS.computeIfAbsent(id, LegacyCodes::load);
	}

	private static Map<String, String> load(String id) {
		String path = "/fhir/terminology/imis/ConceptMap-" + id + ".json";
		try (InputStream in = LegacyCodes.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no concept map " + path);
			}
			ConceptMap map = FhirContext.forR4Cached().newJsonParser()
					.parseResource(ConceptMap.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			Map<String, String> codes = new HashMap<>();
			for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
				for (ConceptMap.SourceElementComponent element : group.getElement()) {
					if (!element.getTarget().isEmpty()) {
						codes.put(element.getCode(), element.getTargetFirstRep().getCode());
					}
				}
			}
			return Map.copyOf(codes);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
