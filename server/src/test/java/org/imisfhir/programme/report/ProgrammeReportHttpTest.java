package org.imisfhir.programme.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.programme.Programmes;
import org.imisfhir.programme.VoucherImports;
import org.imisfhir.programme.Vouchers;
import org.imisfhir.programme.report.rules.ProgrammeIndicator;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The programme report over a programme of its own (so that no other test's data counts): a facility offering it,
 * a product, enrolments in February and March, claims in March, vouchers imported with duplicates, used and
 * cancelled this month. Every figure is worked out by hand.
 */
class ProgrammeReportHttpTest extends HttpTestBase {

	private static final String VILLAGE = "Location/loc-r1d1m1v1";
	/** A demo facility that does not offer the programme: a beneficiary's first point of service. */
	private static final String SERVICE_POINT = "hf-rtdi001";

	private String programme;
	private String product;
	private String facilityId;
	private String facilityCode;
	private String officerRole;
	private String voucherPrefix;

	@BeforeEach
	void aProgrammeWithItsFacilityProductAndOfficer() {
		programme = unique("RP");
		PlanDefinition definition = new PlanDefinition();
		definition.getMeta().addProfile(Programmes.PROFILE);
		definition.addIdentifier().setSystem(Programmes.CODE_SYSTEM).setValue(programme);
		definition.setTitle("Programme report " + programme);
		definition.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		definition.setEffectivePeriod(new Period().setStartElement(new DateTimeType("2026-01-01")));
		String programmeRef = "PlanDefinition/" + client.create().resource(definition).execute().getId().getIdPart();

		InsurancePlan demo = (InsurancePlan) client.search().forResource(InsurancePlan.class)
				.where(InsurancePlan.IDENTIFIER.exactly().systemAndCode("https://imis-fhir.org/fhir/sid/product-code", "PMTA0001"))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		InsurancePlan copy = demo.copy();
		copy.setId((String) null);
		copy.getMeta().setVersionId(null).setLastUpdated(null);
		product = unique("RP");
		copy.getIdentifier().stream().filter(i -> "https://imis-fhir.org/fhir/sid/product-code".equals(i.getSystem()))
				.forEach(i -> i.setValue(product));
		copy.setName("Programme report product " + product);
		copy.getPlan().forEach(plan -> plan.getGeneralCost().forEach(cost -> cost.getCost().setValue(0)));
		copy.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programmeRef)));
		client.create().resource(copy).execute();

		// a copy of Rapta Dispensary (its district's price lists) offering the programme
		Organization facility = client.read().resource(Organization.class).withId("hf-rtdi001").execute().copy();
		facility.setId((String) null);
		facility.getMeta().setVersionId(null).setLastUpdated(null);
		facilityCode = unique("RF");
		facility.getIdentifier().removeIf(i -> !"https://imis-fhir.org/fhir/sid/hf-code".equals(i.getSystem()));
		facility.getIdentifierFirstRep().setValue(facilityCode);
		facility.setName("Centre du programme " + facilityCode);
		facility.getTelecom().clear();
		facility.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programmeRef)));
		facilityId = client.create().resource(facility).execute().getId().getIdPart();

		String officer = "Practitioner/" + client.create().resource(Fixtures.officer(unique("EO"), "Report", "EO")).execute().getId().getIdPart();
		officerRole = "PractitionerRole/" + client.create()
				.resource(Fixtures.enrolmentOfficerRole(officer, VILLAGE).setOrganization(new Reference("Organization/" + facilityId)))
				.execute().getId().getIdPart();
		voucherPrefix = "RV" + UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
	}

	@Test
	void aProgrammeMonthGivesTheHandWorkedFiguresInFhirAndCsv() throws Exception {
		String v1 = voucherPrefix + "01";
		String v2 = voucherPrefix + "02";
		String v3 = voucherPrefix + "03";
		String v4 = voucherPrefix + "04";
		/*
		 * Vouchers, this month: a file of 5 rows creates v1, v2, v3 (new) and v4 (Cancel) and reports v1's second row
		 * duplicate; a second file with v2 Cancel reports it duplicate (stored as new). v1 is used by family A's
		 * enrolment, v2 by family C's; v3 is cancelled by the duplicate-management procedure.
		 * This month: imported 4, used 2 (v1, v2), cancelled 2 (v4 at import, v3), duplicates 1 + 1 = 2.
		 */
		Parameters first = importVouchers("NumCheque;ChequeStatus\n" + v1 + ";New\n" + v2 + ";New\n" + v3 + ";New\n"
				+ v4 + ";Cancel\n" + v1 + ";New\n");
		assertThat(first.getParameter("created").getValue().primitiveValue()).isEqualTo("4");
		assertThat(first.getParameter("duplicate").getValue().primitiveValue()).isEqualTo("1");
		Parameters second = importVouchers("NumCheque;ChequeStatus\n" + v2 + ";Cancel\n");
		assertThat(second.getParameter("duplicate").getValue().primitiveValue()).isEqualTo("1");
		Bundle records = client.search().forResource(Basic.class)
				.where(new ca.uhn.fhir.rest.gclient.TokenClientParam("code").exactly().systemAndCode(Vouchers.KIND_SYSTEM, VoucherImports.KIND))
				.returnBundle(Bundle.class).count(500).execute();
		assertThat(records.getEntry()).as("each import is recorded with its duplicates")
				.anySatisfy(e -> {
					Basic record = (Basic) e.getResource();
					assertThat(VoucherImports.part(record, "programme")).contains(programme);
					assertThat(VoucherImports.part(record, "duplicate")).contains("1");
					assertThat(VoucherImports.part(record, "created")).contains("4");
				});

		/*
		 * Enrolments (free product of the programme, active at once):
		 * A: head and child, enrolled 2026-02-10 by the officer of the programme's facility, voucher v1 (February);
		 * B: head and child, enrolled 2026-03-05 by that officer: 2 beneficiaries of the facility in March;
		 * C: one insuree whose first point of service is Rapta Dispensary, enrolled 2026-03-20 without officer,
		 * voucher v2: 1 beneficiary of Rapta Dispensary in March.
		 * March beneficiaries: facility 2, Rapta 1, programme 3. February: facility 2, programme 2.
		 */
		Enrolled a = enrol("2026-02-10", true, officerRole, v1, null);
		enrol("2026-03-05", true, officerRole, null, null);
		enrol("2026-03-20", false, null, v2, "Organization/" + SERVICE_POINT);
		Basic third = (Basic) client.search().forResource(Basic.class)
				.where(new ca.uhn.fhir.rest.gclient.TokenClientParam("voucher-number").exactly().systemAndCode(Vouchers.NUMBER_SYSTEM, v3))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		Parameters cancel = new Parameters();
		cancel.addParameter("status", new CodeType("cancelled"));
		cancel.addParameter("reason", new StringType("Lost by the beneficiary"));
		client.operation().onInstance("Basic/" + third.getIdElement().getIdPart()).named("$set-voucher-status").withParameters(cancel)
				.returnResourceType(Basic.class).execute();

		/*
		 * Claims at the programme's facility for A's head on the first day of A's cover (a day of March), one line
		 * each of item 0002 at 250: c1 4 x 250 = 1000 submitted and processed: 1000 - 500 deductible = 500 x 90 %
		 * = 450 valuated; c2 2 x 250 = 500 submitted only; c3 1 x 250 entered only.
		 * Facility in March: services 3, submitted 2 (c1, c2), valuated 1, claimed 1000 + 500 = 1500, valuated 450.
		 */
		String day = a.start;
		assertThat(day).as("A's cover starts in March").startsWith("2026-03");
		String c1 = client.create().resource(claim(a, day, "4")).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + c1).named("$submit").withNoParameters(Parameters.class).returnResourceType(ClaimResponse.class).execute();
		client.operation().onInstance("Claim/" + c1).named("$process").withNoParameters(Parameters.class).returnResourceType(ClaimResponse.class).execute();
		String c2 = client.create().resource(claim(a, day, "2")).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + c2).named("$submit").withNoParameters(Parameters.class).returnResourceType(ClaimResponse.class).execute();
		client.create().resource(claim(a, day, "1")).execute();

		Map<String, Map<String, String>> march = figures("2026-03", null);
		assertThat(march.keySet()).containsExactly(facilityCode, "RTDI001", "");
		assertThat(march.get(facilityCode)).containsExactlyInAnyOrderEntriesOf(facilityFigures("2", "3", "2", "1", "1500", "450"));
		assertThat(march.get("RTDI001")).containsExactlyInAnyOrderEntriesOf(facilityFigures("1", "0", "0", "0", "0", "0"));
		Map<String, String> programmeMarch = new HashMap<>(facilityFigures("3", "3", "2", "1", "1500", "450"));
		programmeMarch.putAll(voucherFigures("0", "0", "0", "0"));
		assertThat(march.get("")).containsExactlyInAnyOrderEntriesOf(programmeMarch);

		Map<String, Map<String, String>> february = figures("2026-02", null);
		assertThat(february.keySet()).containsExactly(facilityCode, "");
		assertThat(february.get(facilityCode).get("beneficiaries-registered")).isEqualTo("2");
		assertThat(february.get("").get("beneficiaries-registered")).isEqualTo("2");
		assertThat(february.get("").get("claims-submitted")).isEqualTo("0");

		String now = YearMonth.now().toString();
		Map<String, String> thisMonth = figures(now, null).get("");
		assertThat(thisMonth).containsAllEntriesOf(voucherFigures("4", "2", "2", "2"));
		assertThat(thisMonth.get("beneficiaries-registered")).isEqualTo("0");

		Map<String, Map<String, String>> one = figures("2026-03", "RTDI001");
		assertThat(one.keySet()).as("one facility asked for, the programme stays whole").containsExactly("RTDI001", "");
		assertThat(one.get("").get("claims-claimed-amount")).isEqualTo("1500");

		HttpResponse<String> csv = get("/fhir/MeasureReport/$programme-report?programme=" + programme + "&period=2026-03&format=csv",
				"Accept", "text/csv");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String name = "Centre du programme " + facilityCode;
		assertThat(csv.body().split("\r\n")).containsExactly(
				"programme,period,level,facility_code,facility_name,beneficiaries-registered,services-recorded,claims-submitted,"
						+ "claims-valuated,claims-claimed-amount,claims-valuated-amount,vouchers-imported,vouchers-used,"
						+ "vouchers-cancelled,vouchers-duplicate",
				programme + ",2026-03,facility," + facilityCode + "," + name + ",2,3,2,1,1500.00,450.00,,,,",
				programme + ",2026-03,facility,RTDI001,Rapta Dispensary,1,0,0,0,0.00,0.00,,,,",
				programme + ",2026-03,programme,,,3,3,2,1,1500.00,450.00,0,0,0,0");
		HttpResponse<String> csvNow = postJson("/fhir/MeasureReport/$programme-report", """
				{"resourceType":"Parameters","parameter":[{"name":"programme","valueString":"%s"},
				{"name":"period","valueString":"%s"},{"name":"format","valueString":"csv"}]}""".formatted(programme, now),
				"Accept", "text/csv");
		assertThat(csvNow.statusCode()).as(csvNow.body()).isEqualTo(200);
		// a FHIR body is answered in FHIR: the table as a Binary resource
		org.hl7.fhir.r4.model.Binary binary = fhirContext.newJsonParser().parseResource(org.hl7.fhir.r4.model.Binary.class, csvNow.body());
		assertThat(binary.getContentType()).isEqualTo("text/csv");
		assertThat(new String(binary.getData(), java.nio.charset.StandardCharsets.UTF_8)).endsWith(programme + "," + now + ",programme,,,0,0,0,0,0.00,0.00,4,2,2,2\r\n");
	}

	@Test
	void unknownProgrammesBadMonthsUnknownFacilitiesAndFormatsAreRefusedWithTheirReason() throws Exception {
		HttpResponse<String> programmeUnknown = get("/fhir/MeasureReport/$programme-report?programme=NOPE&period=2026-03",
				"Accept-Language", "fr");
		assertThat(programmeUnknown.statusCode()).isEqualTo(400);
		assertThat(programmeUnknown.body()).contains(ProgrammeReportViolation.SYSTEM, "\"code\":\"report-programme-unknown\"",
				"Aucun programme n'a le code NOPE");
		HttpResponse<String> month = get("/fhir/MeasureReport/$programme-report?programme=" + programme + "&period=2026-13");
		assertThat(month.statusCode()).isEqualTo(400);
		assertThat(month.body()).contains("\"code\":\"report-period-invalid\"", "not 2026-13");
		HttpResponse<String> day = get("/fhir/MeasureReport/$programme-report?programme=" + programme + "&period=2026-03-01",
				"Accept-Language", "fr");
		assertThat(day.statusCode()).isEqualTo(400);
		assertThat(day.body()).contains("\"code\":\"report-period-invalid\"", "aaaa-MM");
		HttpResponse<String> facility = get("/fhir/MeasureReport/$programme-report?programme=" + programme
				+ "&period=2026-03&facility=NOWHERE");
		assertThat(facility.statusCode()).isEqualTo(400);
		assertThat(facility.body()).contains("\"code\":\"report-facility-unknown\"", "NOWHERE");
		HttpResponse<String> format = get("/fhir/MeasureReport/$programme-report?programme=" + programme
				+ "&period=2026-03&format=xlsx");
		assertThat(format.statusCode()).isEqualTo(400);
		assertThat(format.body()).contains("\"code\":\"report-format-unknown\"", "xlsx");
	}

	private static Map<String, String> facilityFigures(String beneficiaries, String services, String submitted,
			String valuated, String claimed, String valuatedAmount) {
		return Map.of("beneficiaries-registered", beneficiaries, "services-recorded", services,
				"claims-submitted", submitted, "claims-valuated", valuated,
				"claims-claimed-amount", claimed, "claims-valuated-amount", valuatedAmount);
	}

	private static Map<String, String> voucherFigures(String imported, String used, String cancelled, String duplicate) {
		return Map.of("vouchers-imported", imported, "vouchers-used", used,
				"vouchers-cancelled", cancelled, "vouchers-duplicate", duplicate);
	}

	/** Facility code ("" for the programme's report) to indicator code to figure (trailing zeros dropped), in report order. */
	private Map<String, Map<String, String>> figures(String month, String facility) throws Exception {
		HttpResponse<String> response = get("/fhir/MeasureReport/$programme-report?programme=" + programme + "&period=" + month
				+ (facility == null ? "" : "&facility=" + facility));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		Map<String, Map<String, String>> figures = new java.util.LinkedHashMap<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			MeasureReport report = (MeasureReport) entry.getResource();
			assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
			assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
			assertThat(report.getMeasure()).isEqualTo(ProgrammeReports.MEASURE);
			assertThat(report.getPeriod().getStartElement().getValueAsString()).isEqualTo(month + "-01");
			assertThat(((Reference) report.getExtensionByUrl(Programmes.PROGRAMME_EXTENSION).getValue()).getDisplay()).isEqualTo(programme);
			Map<String, String> values = new HashMap<>();
			for (MeasureReport.MeasureReportGroupComponent group : report.getGroup()) {
				assertThat(group.getCode().getCodingFirstRep().getSystem()).isEqualTo(ProgrammeIndicator.SYSTEM);
				values.put(group.getCode().getCodingFirstRep().getCode(), group.getMeasureScore().getValue().stripTrailingZeros().toPlainString());
			}
			figures.put(report.hasReporter() ? report.getReporter().getIdentifier().getValue() : "", values);
		}
		return figures;
	}

	private record Enrolled(String head, String policy, String start) {}

	private Enrolled enrol(String enrolDate, boolean withChild, String officer, String voucher, String servicePoint) {
		String number = "7" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family(VILLAGE, false));
		Patient head = Fixtures.insuree(number, "Programme", "Head", "female", "1994-02-01", true, null);
		if (servicePoint != null) {
			head.addExtension(new Extension("https://imis-fhir.org/fhir/StructureDefinition/first-service-point", new Reference(servicePoint)));
		}
		request.addParameter().setName("member").setResource(head);
		if (withChild) {
			request.addParameter().setName("member").setResource(Fixtures.insuree(number + "1", "Programme", "Child", "male", "2020-01-01", false, "4"));
		}
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType(enrolDate));
		if (officer != null) {
			request.addParameter().setName("officer").setValue(new Reference(officer));
		}
		if (voucher != null) {
			request.addParameter("voucher", new StringType(voucher));
		}
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		Patient stored = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
				.map(Patient.class::cast).filter(p -> p.getName().get(0).getGivenAsSingleString().equals("Head")).findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Coverage.class::isInstance)
				.map(Coverage.class::cast).findFirst().orElseThrow();
		return new Enrolled("Patient/" + stored.getIdElement().getIdPart(), "Coverage/" + policy.getIdElement().getIdPart(),
				policy.getPeriod().getStartElement().getValueAsString().substring(0, 10));
	}

	private Claim claim(Enrolled insuree, String day, String quantity) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(unique("RC"));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(insuree.head()));
		claim.getBillablePeriod().setStartElement(new DateTimeType(day));
		claim.setCreatedElement(new DateTimeType(day));
		claim.setProvider(new Reference("Organization/" + facilityId));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(insuree.policy()));
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

	private Parameters importVouchers(String csv) {
		Parameters in = new Parameters();
		in.addParameter("csv", new StringType(csv));
		in.addParameter("programme", new StringType(programme));
		return client.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
	}
}
