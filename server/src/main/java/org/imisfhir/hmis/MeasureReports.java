package org.imisfhir.hmis;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupStratifierComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.hmis.rules.DistrictIndicators;
import org.imisfhir.hmis.rules.DistrictIndicators.ClaimTotals;
import org.imisfhir.hmis.rules.HmisIndicator;

/**
 * One district's month as a summary MeasureReport of Measure {@value #MEASURE}: one group per indicator (code
 * from {@link HmisIndicator#SYSTEM}), its figure in {@code measureScore} (a count, or an amount in the scheme
 * currency), the claim indicators stratified by claim status.
 */
public final class MeasureReports {

	public static final String MEASURE = "https://imis-fhir.org/fhir/Measure/imis-hmis-monthly";
	public static final String LOCATION_CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/location-code";
	public static final String CURRENCY_SYSTEM = "urn:iso:std:iso:4217";
	public static final String CLAIM_STATUS_STRATIFIER = "claim-status";

	private MeasureReports() {}

	public static MeasureReport of(YearMonth month, String districtId, String districtCode, DistrictIndicators figures,
			String currency, Date generated) {
		MeasureReport report = new MeasureReport();
		report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
		report.setType(MeasureReport.MeasureReportType.SUMMARY);
		report.setMeasure(MEASURE);
		report.setSubject(new Reference("Location/" + districtId)
				.setIdentifier(new Identifier().setSystem(LOCATION_CODE_SYSTEM).setValue(districtCode))
				.setDisplay(districtCode));
		report.setDateElement(new DateTimeType(generated));
		report.setPeriod(new Period()
				.setStartElement(new DateTimeType(month.atDay(1).toString()))
				.setEndElement(new DateTimeType(month.atEndOfMonth().toString())));
		count(report, HmisIndicator.INSUREES_ACTIVE, figures.insureesActive());
		count(report, HmisIndicator.FAMILIES_COVERED, figures.familiesCovered());
		count(report, HmisIndicator.POLICIES_ACTIVE, figures.policiesActive());
		count(report, HmisIndicator.POLICIES_NEW, figures.policiesNew());
		count(report, HmisIndicator.CONTRIBUTIONS_COUNT, figures.contributionsCount());
		group(report, HmisIndicator.CONTRIBUTIONS_AMOUNT).setMeasureScore(money(figures.contributionsAmount(), currency));

		Map<Integer, ClaimTotals> claims = figures.claimsByStatus();
		MeasureReportGroupStratifierComponent count = stratifier(group(report, HmisIndicator.CLAIMS_COUNT));
		MeasureReportGroupStratifierComponent claimed = stratifier(group(report, HmisIndicator.CLAIMS_CLAIMED_AMOUNT));
		MeasureReportGroupStratifierComponent valuated = stratifier(group(report, HmisIndicator.CLAIMS_VALUATED_AMOUNT));
		int claimCount = 0;
		BigDecimal claimedTotal = BigDecimal.ZERO;
		BigDecimal valuatedTotal = BigDecimal.ZERO;
		for (Map.Entry<Integer, ClaimTotals> status : claims.entrySet()) {
			CodeableConcept value = new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, String.valueOf(status.getKey()), null));
			ClaimTotals totals = status.getValue();
			count.addStratum().setValue(value).setMeasureScore(count(totals.count()));
			claimed.addStratum().setValue(value.copy()).setMeasureScore(money(totals.claimed(), currency));
			valuated.addStratum().setValue(value.copy()).setMeasureScore(money(totals.valuated(), currency));
			claimCount += totals.count();
			claimedTotal = claimedTotal.add(totals.claimed());
			valuatedTotal = valuatedTotal.add(totals.valuated());
		}
		group(report, HmisIndicator.CLAIMS_COUNT).setMeasureScore(count(claimCount));
		group(report, HmisIndicator.CLAIMS_CLAIMED_AMOUNT).setMeasureScore(money(claimedTotal, currency));
		group(report, HmisIndicator.CLAIMS_VALUATED_AMOUNT).setMeasureScore(money(valuatedTotal, currency));
		return report;
	}

	/** The report's group of an indicator (added when absent). */
	public static MeasureReportGroupComponent group(MeasureReport report, HmisIndicator indicator) {
		for (MeasureReportGroupComponent group : report.getGroup()) {
			if (group.getCode().hasCoding(HmisIndicator.SYSTEM, indicator.code())) {
				return group;
			}
		}
		MeasureReportGroupComponent group = report.addGroup();
		group.setCode(new CodeableConcept(new Coding(HmisIndicator.SYSTEM, indicator.code(), null)));
		return group;
	}

	private static void count(MeasureReport report, HmisIndicator indicator, int value) {
		group(report, indicator).setMeasureScore(count(value));
	}

	private static MeasureReportGroupStratifierComponent stratifier(MeasureReportGroupComponent group) {
		MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
		stratifier.addCode(new CodeableConcept(new Coding(HmisIndicator.SYSTEM, CLAIM_STATUS_STRATIFIER, null)));
		return stratifier;
	}

	private static Quantity count(int value) {
		return new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode("1").setUnit("1");
	}

	private static Quantity money(BigDecimal value, String currency) {
		return new Quantity().setValue(value).setSystem(CURRENCY_SYSTEM).setCode(currency).setUnit(currency);
	}
}
