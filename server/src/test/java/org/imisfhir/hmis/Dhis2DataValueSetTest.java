package org.imisfhir.hmis;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MeasureReport;
import org.imisfhir.hmis.rules.DistrictIndicators;
import org.imisfhir.hmis.rules.DistrictIndicators.ClaimTotals;
import org.imisfhir.hmis.rules.HmisIndicator;
import org.junit.jupiter.api.Test;

class Dhis2DataValueSetTest {

	/*
	 * District R1D1 in November 2026: 7 active insurees in 2 covered families, 2 policies in force, 1 new, 3
	 * contributions for 12400.50 XAF; 2 valuated claims (156800 claimed, 27350 valuated) and 1 rejected (5000).
	 * Claim totals: 3 claims, 161800 claimed, 27350 valuated.
	 */
	static MeasureReport november() {
		Map<Integer, ClaimTotals> claims = new LinkedHashMap<>();
		claims.put(1, new ClaimTotals(1, new BigDecimal("5000"), BigDecimal.ZERO));
		claims.put(2, ClaimTotals.NONE);
		claims.put(4, ClaimTotals.NONE);
		claims.put(8, ClaimTotals.NONE);
		claims.put(16, new ClaimTotals(2, new BigDecimal("156800"), new BigDecimal("27350")));
		DistrictIndicators figures = new DistrictIndicators("loc-r1d1", 7, 2, 2, 1, 3, new BigDecimal("12400.50"), claims);
		return MeasureReports.of(YearMonth.of(2026, 11), "loc-r1d1", "R1D1", figures, "XAF", new Date());
	}

	@Test
	void aMeasureReportHasOneGroupPerIndicatorAndClaimsByStatus() {
		MeasureReport report = november();

		assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
		assertThat(report.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-11-01");
		assertThat(report.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-30");
		assertThat(report.getGroup()).hasSize(HmisIndicator.values().length);
		assertThat(score(report, HmisIndicator.INSUREES_ACTIVE)).isEqualByComparingTo("7");
		assertThat(score(report, HmisIndicator.CONTRIBUTIONS_AMOUNT)).isEqualByComparingTo("12400.50");
		assertThat(MeasureReports.group(report, HmisIndicator.CONTRIBUTIONS_AMOUNT).getMeasureScore().getCode()).isEqualTo("XAF");
		assertThat(score(report, HmisIndicator.CLAIMS_COUNT)).isEqualByComparingTo("3");
		assertThat(score(report, HmisIndicator.CLAIMS_CLAIMED_AMOUNT)).isEqualByComparingTo("161800");
		assertThat(score(report, HmisIndicator.CLAIMS_VALUATED_AMOUNT)).isEqualByComparingTo("27350");
		assertThat(MeasureReports.group(report, HmisIndicator.CLAIMS_COUNT).getStratifierFirstRep().getStratum()).hasSize(5);
	}

	@Test
	void theDataValueSetCarriesEveryFigureInDhis2Codes() throws Exception {
		JsonNode values = new ObjectMapper().readTree(Dhis2DataValueSet.of(List.of(november()))).get("dataValues");

		// 6 unstratified indicators + 3 claim indicators x 5 statuses
		assertThat(values).hasSize(6 + 3 * 5);
		Map<String, String> byKey = new HashMap<>();
		for (JsonNode value : values) {
			assertThat(value.get("period").asText()).isEqualTo("202611");
			assertThat(value.get("orgUnit").asText()).isEqualTo("R1D1");
			byKey.put(value.get("dataElement").asText() + "/" + value.get("categoryOptionCombo").asText(),
					value.get("value").asText());
		}
		assertThat(byKey).containsEntry("IMIS_INSUREES_ACTIVE/default", "7")
				.containsEntry("IMIS_CONTRIBUTIONS_AMOUNT/default", "12400.5")
				.containsEntry("IMIS_CLAIMS_COUNT/CLAIM_VALUATED", "2")
				.containsEntry("IMIS_CLAIMS_CLAIMED_AMOUNT/CLAIM_REJECTED", "5000")
				.containsEntry("IMIS_CLAIMS_VALUATED_AMOUNT/CLAIM_VALUATED", "27350")
				.containsEntry("IMIS_CLAIMS_COUNT/CLAIM_CHECKED", "0");
	}

	@Test
	void theConceptMapStatesTheSameMapping() throws Exception {
		ConceptMap map;
		try (InputStream in = getClass().getResourceAsStream("/fhir/terminology/imis/ConceptMap-hmis-indicator-to-dhis2.json")) {
			map = FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, in);
		}
		Map<String, String> elements = new HashMap<>();
		map.getGroup().get(0).getElement().forEach(e -> elements.put(e.getCode(), e.getTargetFirstRep().getCode()));
		for (HmisIndicator indicator : HmisIndicator.values()) {
			assertThat(elements).containsEntry(indicator.code(), Dhis2DataValueSet.dataElement(indicator));
		}
		map.getGroup().get(1).getElement().forEach(e ->
				assertThat(Dhis2DataValueSet.CLAIM_STATUS_COMBOS).containsEntry(e.getCode(), e.getTargetFirstRep().getCode()));
		assertThat(map.getGroup().get(1).getElement()).hasSize(Dhis2DataValueSet.CLAIM_STATUS_COMBOS.size());
	}

	private static BigDecimal score(MeasureReport report, HmisIndicator indicator) {
		return MeasureReports.group(report, indicator).getMeasureScore().getValue();
	}
}
