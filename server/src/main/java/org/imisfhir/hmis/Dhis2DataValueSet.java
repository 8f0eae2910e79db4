package org.imisfhir.hmis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.imisfhir.hmis.rules.HmisIndicator;

/**
 * The HMIS MeasureReports as a DHIS2 aggregate {@code dataValueSets} document, in codes (import with
 * {@code dataElementIdScheme=CODE&orgUnitIdScheme=CODE&categoryOptionComboIdScheme=CODE}): data element
 * {@code IMIS_} + the indicator code in capitals, category option combo {@code default} or, for claims, the
 * claim status ({@code CLAIM_REJECTED} ...), org unit the district's location code, period {@code yyyyMM}.
 * ConceptMap {@code hmis-indicator-to-dhis2} (terminology/imis) lists the same mapping.
 */
public final class Dhis2DataValueSet {

	public static final String DEFAULT_COMBO = "default";
	/** Claim status code to its DHIS2 category option combo code. */
	public static final Map<String, String> CLAIM_STATUS_COMBOS = Map.of(
			"1", "CLAIM_REJECTED", "2", "CLAIM_ENTERED", "4", "CLAIM_CHECKED", "8", "CLAIM_PROCESSED", "16", "CLAIM_VALUATED");

	private static final ObjectMapper JSON = new ObjectMapper();

	private Dhis2DataValueSet() {}

	public static String dataElement(HmisIndicator indicator) {
		return "IMIS_" + indicator.code().toUpperCase().replace('-', '_');
	}

	public static String of(List<MeasureReport> reports) {
		ObjectNode document = JSON.createObjectNode();
		ArrayNode values = document.putArray("dataValues");
		for (MeasureReport report : reports) {
			String period = report.getPeriod().getStartElement().getValueAsString().substring(0, 7).replace("-", "");
			String orgUnit = report.getSubject().getIdentifier().getValue();
			for (HmisIndicator indicator : HmisIndicator.values()) {
				MeasureReportGroupComponent group = MeasureReports.group(report, indicator);
				if (!indicator.byClaimStatus()) {
					add(values, indicator, period, orgUnit, DEFAULT_COMBO, group.getMeasureScore());
					continue;
				}
				for (StratifierGroupComponent stratum : group.getStratifierFirstRep().getStratum()) {
					String status = stratum.getValue().getCodingFirstRep().getCode();
					add(values, indicator, period, orgUnit, CLAIM_STATUS_COMBOS.get(status), stratum.getMeasureScore());
				}
			}
		}
		return document.toPrettyString();
	}

	private static void add(ArrayNode values, HmisIndicator indicator, String period, String orgUnit, String combo,
			Quantity score) {
		ObjectNode value = values.addObject();
		value.put("dataElement", dataElement(indicator));
		value.put("period", period);
		value.put("orgUnit", orgUnit);
		value.put("categoryOptionCombo", combo);
		value.put("value", score.getValue().stripTrailingZeros().toPlainString());
	}
}
