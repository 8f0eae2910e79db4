package org.imisfhir.programme.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.programme.Programmes;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.TokenHttpTestBase;
import org.imisfhir.security.TokenIssuer;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With signed tokens: the programme report of a manager limited to districts counts the facilities of those
 * districts only, their total as the programme's figures, and no vouchers; a facility outside them is refused.
 */
class ProgrammeReportScopeHttpTest extends TokenHttpTestBase {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final List<String> ALL_ROLES = Arrays.stream(ImisRole.values()).map(ImisRole::code).toList();

	private final String admin = issuer.token("report-scope-admin", ALL_ROLES);
	private final String manager = issuer.token("report-manager", List.of("manager"));
	private final String raptaManager = districtManager("report-manager-rapta", "R1D1");
	private final String rajoManager = districtManager("report-manager-rajo", "R2D1");

	private String programme;
	private String product;
	private String rapta;
	private String raptaId;
	private String rajo;
	private String rajoId;

	/*
	 * A programme offered by a facility of Rapta (R1D1) and one of Rajo (R2D1). In March 2026 three one-insuree
	 * families: A whose first point of service is the Rapta facility, B the Rajo facility, C none.
	 * Whole programme: Rapta 1, Rajo 1, programme 3 (C counted in the programme only).
	 */
	@BeforeEach
	void aProgrammeOfferedInTwoDistrictsWithItsMarchBeneficiaries() throws Exception {
		programme = "RS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		PlanDefinition definition = new PlanDefinition();
		definition.getMeta().addProfile(Programmes.PROFILE);
		definition.addIdentifier().setSystem(Programmes.CODE_SYSTEM).setValue(programme);
		definition.setTitle("Programme report scope " + programme);
		definition.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		definition.setEffectivePeriod(new Period().setStartElement(new DateTimeType("2026-01-01")));
		String programmeRef = "PlanDefinition/" + created(send("POST", "/fhir/PlanDefinition", json(definition), admin));

		InsurancePlan demo = (InsurancePlan) FHIR.newJsonParser().parseResource(Bundle.class, ok(send("GET",
				"/fhir/InsurancePlan?identifier=https://imis-fhir.org/fhir/sid/product-code%7CPMTA0001", null, admin)))
				.getEntryFirstRep().getResource();
		InsurancePlan copy = demo.copy();
		copy.setId((String) null);
		copy.getMeta().setVersionId(null).setLastUpdated(null);
		product = "RS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		copy.getIdentifier().stream().filter(i -> "https://imis-fhir.org/fhir/sid/product-code".equals(i.getSystem()))
				.forEach(i -> i.setValue(product));
		copy.setName("Programme report scope product " + product);
		copy.getPlan().forEach(plan -> plan.getGeneralCost().forEach(cost -> cost.getCost().setValue(0)));
		copy.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programmeRef)));
		created(send("POST", "/fhir/InsurancePlan", json(copy), admin));

		rapta = "RA" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		raptaId = facility(rapta, "Location/loc-r1d1", programmeRef);
		rajo = "RJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		rajoId = facility(rajo, "Location/loc-r2d1", programmeRef);

		enrol("2026-03-05", "Organization/" + raptaId);
		enrol("2026-03-06", "Organization/" + rajoId);
		enrol("2026-03-07", null);
	}

	@Test
	void aManagerOfADistrictCountsItsFacilitiesOnlyWithoutVouchers() throws Exception {
		Map<String, Map<String, String>> whole = figures("", manager);
		assertThat(whole.keySet()).containsExactly(rapta, rajo, "");
		assertThat(whole.get(rapta).get("beneficiaries-registered")).isEqualTo("1");
		assertThat(whole.get(rajo).get("beneficiaries-registered")).isEqualTo("1");
		assertThat(whole.get("").get("beneficiaries-registered")).as("C attributed nowhere").isEqualTo("3");
		assertThat(whole.get("")).containsKey("vouchers-imported");

		// Rapta's manager: Rapta's facility, and the programme as Rapta's total (B is Rajo's, C nobody's)
		Map<String, Map<String, String>> mine = figures("", raptaManager);
		assertThat(mine.keySet()).containsExactly(rapta, "");
		assertThat(mine.get(rapta).get("beneficiaries-registered")).isEqualTo("1");
		assertThat(mine.get("").get("beneficiaries-registered")).isEqualTo("1");
		assertThat(mine.get("")).as("vouchers belong to no district").doesNotContainKeys(
				"vouchers-imported", "vouchers-used", "vouchers-cancelled", "vouchers-duplicate");
		assertThat(figures("", rajoManager).keySet()).containsExactly(rajo, "");
		assertThat(figures("&facility=" + rapta, raptaManager).keySet()).containsExactly(rapta, "");

		HttpResponse<String> csv = send("GET", "/fhir/MeasureReport/$programme-report?programme=" + programme
				+ "&period=2026-03&format=csv", null, raptaManager, "Accept", "text/csv");
		assertThat(List.of(ok(csv).split("\r\n"))).hasSize(3).last().isEqualTo(programme + ",2026-03,programme,,,1,0,0,0,0.00,0.00,,,,");
	}

	@Test
	void aFacilityOutsideTheManagersDistrictsIsRefused() throws Exception {
		HttpResponse<String> refused = send("GET", "/fhir/MeasureReport/$programme-report?programme=" + programme
				+ "&period=2026-03&facility=" + rajo, null, raptaManager, "Accept-Language", "fr");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("https://imis-fhir.org/fhir/CodeSystem/imis-security-error", "\"code\":\"out-of-scope\"",
				"ne travaille que dans les districts [R1D1]", "Organization/" + rajoId);
		HttpResponse<String> posted = send("POST", "/fhir/MeasureReport/$programme-report", """
				{"resourceType":"Parameters","parameter":[{"name":"programme","valueString":"%s"},
				{"name":"period","valueString":"2026-03"},{"name":"facility","valueString":"%s"}]}""".formatted(programme, rajo),
				raptaManager);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(403);
		// the unlimited manager may ask for it
		assertThat(figures("&facility=" + rajo, manager).keySet()).containsExactly(rajo, "");
	}

	private static String districtManager(String username, String district) {
		return issuer.token(username, List.of("manager"), List.of(district), null, TokenIssuer.ISSUER, TokenIssuer.AUDIENCE,
				Instant.now().plusSeconds(600), false);
	}

	/** Facility code ("" for the programme) to indicator code to figure, in report order. */
	private Map<String, Map<String, String>> figures(String more, String token) throws Exception {
		Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, ok(send("GET",
				"/fhir/MeasureReport/$programme-report?programme=" + programme + "&period=2026-03" + more, null, token)));
		Map<String, Map<String, String>> figures = new LinkedHashMap<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			MeasureReport report = (MeasureReport) entry.getResource();
			Map<String, String> values = new HashMap<>();
			for (MeasureReport.MeasureReportGroupComponent group : report.getGroup()) {
				values.put(group.getCode().getCodingFirstRep().getCode(), group.getMeasureScore().getValue().stripTrailingZeros().toPlainString());
			}
			figures.put(report.hasReporter() ? report.getReporter().getIdentifier().getValue() : "", values);
		}
		return figures;
	}

	private String facility(String code, String district, String programmeRef) throws Exception {
		Organization facility = Fixtures.facility(code, "Centre " + code, "C", district);
		facility.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programmeRef)));
		return created(send("POST", "/fhir/Organization", json(facility), admin));
	}

	private void enrol(String enrolDate, String servicePoint) throws Exception {
		String number = "8" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		Patient head = Fixtures.insuree(number, "Programme", "Head", "female", "1994-02-01", true, null);
		if (servicePoint != null) {
			head.addExtension(new Extension("https://imis-fhir.org/fhir/StructureDefinition/first-service-point", new Reference(servicePoint)));
		}
		request.addParameter().setName("member").setResource(head);
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType(enrolDate));
		ok(send("POST", "/fhir/Group/$enrol", json(request), admin));
	}

	private static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return FHIR.newJsonParser().encodeResourceToString(resource);
	}

	private static String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new org.hl7.fhir.r4.model.IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
	}

	private static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}
}
