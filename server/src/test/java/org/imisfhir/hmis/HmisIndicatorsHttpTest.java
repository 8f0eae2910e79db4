package org.imisfhir.hmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.support.Fixtures.contribution;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.hmis.rules.HmisIndicator;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/**
 * The HMIS feed over a crafted month of data in district Rapta (R1D1). Other tests write in Rapta too, so the
 * figures are compared before and after this test's own data: the differences are worked out by hand.
 */
class HmisIndicatorsHttpTest extends HttpTestBase {

	static final String RAPTA = "R1D1";
	static final String VILLAGE = "Location/loc-r1d1m1v1";
	static final String FACILITY = "Organization/hf-rtdi001";

	@Test
	void aCraftedMonthGivesTheHandWorkedFigures() throws Exception {
		Map<String, BigDecimal> septemberBefore = figures("2026-09");
		Map<String, BigDecimal> octoberBefore = figures("2026-10");

		/*
		 * Family A: head (1990) and child (2016) on PMTA0001, enrolled 2026-09-05: value 3000 + 1500 + 2 x 200 =
		 * 4900, start 2026-10-05, expiry 2027-10-04; 4900 paid 2026-09-10: active, effective 2026-10-05.
		 * Family B: one adult, enrolled 2026-09-20 (value 3000 + 200 = 3200); 1000 paid 2026-09-25: still idle.
		 * September: 2 new policies, 2 contributions, 5900; nothing in force on 09-30 (A starts 10-05).
		 * October: A in force on 10-31: 1 policy, 1 family, 2 active insurees; no new policy, no contribution.
		 */
		Enrolled a = enrol("2026-09-05", true);
		client.create().resource(contribution(a.policy, code("RC"), "4900", "2026-09-10")).execute();
		Enrolled b = enrol("2026-09-20", false);
		client.create().resource(contribution(b.policy, code("RC"), "1000", "2026-09-25")).execute();

		/*
		 * Claims at Rapta Dispensary claimed 2026-10-21 for A's head: one with item 0002, 4 x 250 = 1000 claimed,
		 * submitted and processed: 1000 - 500 deductible = 500 x 90 % = 450 valuated (status 16); one with
		 * 2 x 250 = 500 claimed, left entered (status 2).
		 */
		Claim valuated = claim(a.head, a.policy, "4");
		String valuatedId = client.create().resource(valuated).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + valuatedId).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		client.operation().onInstance("Claim/" + valuatedId).named("$process").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		client.create().resource(claim(a.head, a.policy, "2")).execute();

		Map<String, BigDecimal> september = difference(figures("2026-09"), septemberBefore);
		assertThat(september.get("policies-new")).isEqualByComparingTo("2");
		assertThat(september.get("contributions-count")).isEqualByComparingTo("2");
		assertThat(september.get("contributions-amount")).isEqualByComparingTo("5900");
		assertThat(september.get("policies-active")).isEqualByComparingTo("0");
		assertThat(september.get("insurees-active")).isEqualByComparingTo("0");

		Map<String, BigDecimal> october = difference(figures("2026-10"), octoberBefore);
		assertThat(october.get("policies-active")).isEqualByComparingTo("1");
		assertThat(october.get("families-covered")).isEqualByComparingTo("1");
		assertThat(october.get("insurees-active")).isEqualByComparingTo("2");
		assertThat(october.get("policies-new")).isEqualByComparingTo("0");
		assertThat(october.get("contributions-amount")).isEqualByComparingTo("0");
		assertThat(october.get("claims-count")).isEqualByComparingTo("2");
		assertThat(october.get("claims-count/16")).isEqualByComparingTo("1");
		assertThat(october.get("claims-claimed-amount/16")).isEqualByComparingTo("1000");
		assertThat(october.get("claims-valuated-amount/16")).isEqualByComparingTo("450");
		assertThat(october.get("claims-count/2")).isEqualByComparingTo("1");
		assertThat(october.get("claims-claimed-amount/2")).isEqualByComparingTo("500");
		assertThat(october.get("claims-valuated-amount")).isEqualByComparingTo("450");
	}

	@Test
	void everyDistrictHasAReportAndTheDhis2FormCarriesTheSameFigures() throws Exception {
		HttpResponse<String> all = get("/fhir/MeasureReport/$hmis-indicators?period=2026-10");
		assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
		Bundle reports = fhirContext.newJsonParser().parseResource(Bundle.class, all.body());
		List<String> districts = reports.getEntry().stream()
				.map(entry -> ((MeasureReport) entry.getResource()).getSubject().getIdentifier().getValue()).toList();
		assertThat(districts).contains(RAPTA, "R2D1");
		MeasureReport report = (MeasureReport) reports.getEntryFirstRep().getResource();
		assertThat(report.getMeasure()).isEqualTo(MeasureReports.MEASURE);
		assertThat(report.getGroup()).hasSize(HmisIndicator.values().length);

		HttpResponse<String> dhis2 = get("/fhir/MeasureReport/$hmis-indicators?period=2026-10&district=R1D1&output=dhis2",
				"Accept", "application/json");
		assertThat(dhis2.statusCode()).as(dhis2.body()).isEqualTo(200);
		assertThat(dhis2.body()).contains("\"dataValues\"", "\"orgUnit\" : \"R1D1\"", "\"period\" : \"202610\"",
				"\"dataElement\" : \"IMIS_INSUREES_ACTIVE\"", "\"categoryOptionCombo\" : \"CLAIM_VALUATED\"");
	}

	@Test
	void badPeriodsAndUnknownDistrictsAreRefusedWithTheirReason() throws Exception {
		HttpResponse<String> period = get("/fhir/MeasureReport/$hmis-indicators?period=2026-13", "Accept-Language", "fr");
		assertThat(period.statusCode()).isEqualTo(400);
		assertThat(period.body()).contains("\"code\":\"period-invalid\"", "aaaa-MM");

		HttpResponse<String> district = get("/fhir/MeasureReport/$hmis-indicators?period=2026-10&district=NOWHERE");
		assertThat(district.statusCode()).isEqualTo(400);
		assertThat(district.body()).contains("\"code\":\"district-unknown\"", "NOWHERE");
	}

	/** Indicator code to Rapta's figure, and indicator/status to each claim stratum. */
	private Map<String, BigDecimal> figures(String month) throws Exception {
		HttpResponse<String> response = get("/fhir/MeasureReport/$hmis-indicators?period=" + month + "&district=" + RAPTA);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		assertThat(bundle.getEntry()).hasSize(1);
		MeasureReport report = (MeasureReport) bundle.getEntryFirstRep().getResource();
		Map<String, BigDecimal> figures = new HashMap<>();
		for (MeasureReport.MeasureReportGroupComponent group : report.getGroup()) {
			String code = group.getCode().getCodingFirstRep().getCode();
			figures.put(code, group.getMeasureScore().getValue());
			for (MeasureReport.MeasureReportGroupStratifierComponent stratifier : group.getStratifier()) {
				for (MeasureReport.StratifierGroupComponent stratum : stratifier.getStratum()) {
					figures.put(code + "/" + stratum.getValue().getCodingFirstRep().getCode(), stratum.getMeasureScore().getValue());
				}
			}
		}
		return figures;
	}

	private static Map<String, BigDecimal> difference(Map<String, BigDecimal> after, Map<String, BigDecimal> before) {
		Map<String, BigDecimal> difference = new HashMap<>();
		after.forEach((key, value) -> difference.put(key, value.subtract(before.getOrDefault(key, BigDecimal.ZERO))));
		return difference;
	}

	private record Enrolled(String head, String policy) {}

	private Enrolled enrol(String enrolDate, boolean withChild) {
		String number = "8" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family(VILLAGE, false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number, "Hmis", "Head", "female", "1990-02-01", true, null));
		if (withChild) {
			request.addParameter().setName("member").setResource(Fixtures.insuree(number + "1", "Hmis", "Child", "male", "2016-01-01", false, "4"));
		}
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType(enrolDate));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		Patient head = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
				.map(Patient.class::cast).filter(p -> p.getName().get(0).getGivenAsSingleString().equals("Head")).findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Coverage.class::isInstance)
				.map(Coverage.class::cast).findFirst().orElseThrow();
		return new Enrolled("Patient/" + head.getIdElement().getIdPart(), "Coverage/" + policy.getIdElement().getIdPart());
	}

	private Claim claim(String patient, String policy, String quantity) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code("HM"));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(patient));
		claim.getBillablePeriod().setStartElement(new DateTimeType("2026-10-20"));
		claim.setCreatedElement(new DateTimeType("2026-10-21"));
		claim.setProvider(new Reference(FACILITY));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "D50", null)));
		Claim.ItemComponent item = claim.addItem();
		item.setSequence(1);
		item.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "item", null)));
		item.getProductOrService().addCoding(new Coding("https://imis-fhir.org/fhir/sid/item-code", "0002", null));
		item.getQuantity().setValue(new BigDecimal(quantity));
		item.setUnitPrice(new Money().setValue(new BigDecimal("250")).setCurrency("XAF"));
		return claim;
	}

	private static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8 - prefix.length()).toUpperCase();
	}
}
