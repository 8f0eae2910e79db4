package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.export.BulkExports.ids;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.export.BulkExports;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager limited to district Rapta (R1D1) exports Rapta's families, insurees, policies, contributions and claims
 * only; what cannot be limited to Rapta is refused, and only the manager follows the export and reads its files.
 */
class BulkExportScopeHttpTest extends TokenHttpTestBase {

	static final String RACHLA = "Location/loc-r1d1m1v1";
	static final String MORA = "Location/loc-r2d1m1v1";

	@Autowired
	FhirContext fhirContext;

	private static Place rapta;
	private static Place rajo;

	private final String raptaManager = issuer.token("manager-rapta", List.of("manager"), List.of("R1D1"), null,
			TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, Instant.now().plusSeconds(600), false);
	private final String rajoManager = issuer.token("manager-rajo", List.of("manager"), List.of("R2D1"), null,
			TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, Instant.now().plusSeconds(600), false);

	/** A family of a district, its head, policy (when the product sells there), contribution and claim. */
	record Place(String family, String head, String policy, String contribution, String claim) {}

	@BeforeEach
	void twoDistricts() throws Exception {
		if (rapta == null) {
			rapta = place(RACHLA, "PMTA0001", "Organization/hf-rtdi001");
			rajo = place(MORA, null, "Organization/hf-rjdi001");
		}
	}

	@Test
	void aDistrictManagersExportHoldsOnlyTheirDistrict() throws Exception {
		BulkExports exports = new BulkExports(url(""), raptaManager);
		JsonNode manifest = exports.await(exports.kickOff("/fhir/$export?_type=Group,Patient,Coverage,Claim"));
		Map<String, List<JsonNode>> resources = exports.resources(manifest);

		assertThat(ids(resources, "Group")).contains(rapta.family).doesNotContain(rajo.family);
		assertThat(ids(resources, "Patient")).contains(rapta.head).doesNotContain(rajo.head);
		assertThat(ids(resources, "Coverage")).contains(rapta.policy);
		assertThat(ids(resources, "Claim")).contains(rapta.claim).doesNotContain(rajo.claim);

		BulkExports other = new BulkExports(url(""), rajoManager);
		JsonNode theirs = other.await(other.kickOff("/fhir/$export?_type=Group,Patient,Claim"));
		Map<String, List<JsonNode>> rajos = other.resources(theirs);
		assertThat(ids(rajos, "Patient")).contains(rajo.head).doesNotContain(rapta.head);
		assertThat(ids(rajos, "Claim")).contains(rajo.claim).doesNotContain(rapta.claim);
	}

	@Test
	void contributionsReachedThroughTwoReferencesAreCheckedAgainstTheDistrictAsTheyAreWritten() throws Exception {
		// PaymentNotice -> Coverage -> family village: no export search can say it, the file writer checks each one
		BulkExports exports = new BulkExports(url(""), raptaManager);
		Map<String, List<JsonNode>> own = exports.resources(exports.await(exports.kickOff("/fhir/$export?_type=PaymentNotice")));
		assertThat(ids(own, "PaymentNotice")).contains(rapta.contribution);

		BulkExports other = new BulkExports(url(""), rajoManager);
		Map<String, List<JsonNode>> theirs = other.resources(other.await(other.kickOff("/fhir/$export?_type=PaymentNotice")));
		assertThat(ids(theirs, "PaymentNotice")).doesNotContain(rapta.contribution);
	}

	@Test
	void theClientsOwnTypeFiltersStayWithinTheDistrict() throws Exception {
		BulkExports exports = new BulkExports(url(""), raptaManager);
		String filter = java.net.URLEncoder.encode("Patient?_id=" + rapta.head + "," + rajo.head,
				java.nio.charset.StandardCharsets.UTF_8);
		Map<String, List<JsonNode>> resources =
				exports.resources(exports.await(exports.kickOff("/fhir/$export?_type=Patient&_typeFilter=" + filter)));

		assertThat(ids(resources, "Patient")).containsExactly(rapta.head);
	}

	@Test
	void withoutTypesTheExportHoldsWhatCanBeLimitedToTheDistrict() throws Exception {
		BulkExports exports = new BulkExports(url(""), raptaManager);
		Map<String, List<JsonNode>> resources = exports.resources(exports.await(exports.kickOff("/fhir/$export")));

		assertThat(resources.keySet()).doesNotContain("Task", "PaymentReconciliation", "AuditEvent", "Binary");
		assertThat(ids(resources, "Patient")).contains(rapta.head).doesNotContain(rajo.head);
		assertThat(ids(resources, "Location")).contains("loc-r2d1");
	}

	@Test
	void aFamilyOrInsureeOfAnotherDistrictIsRefused() throws Exception {
		BulkExports exports = new BulkExports(url(""), raptaManager);
		HttpResponse<String> family = exports.kickOff("/fhir/Group/" + rajo.family + "/$export");
		assertThat(family.statusCode()).isEqualTo(403);
		assertThat(family.body()).contains("\"code\":\"out-of-scope\"");
		assertThat(exports.kickOff("/fhir/Patient/" + rajo.head + "/$export").statusCode()).isEqualTo(403);

		Map<String, List<JsonNode>> own = exports.resources(
				exports.await(exports.kickOff("/fhir/Group/" + rapta.family + "/$export?_type=Group,Patient,Claim")));
		assertThat(ids(own, "Group")).containsExactly(rapta.family);
		assertThat(ids(own, "Patient")).containsExactly(rapta.head);
		assertThat(ids(own, "Claim")).containsExactly(rapta.claim);
	}

	@Test
	void whatCannotBeLimitedOrIsNotReadIsRefusedWithItsReason() throws Exception {
		BulkExports exports = new BulkExports(url(""), raptaManager);
		HttpResponse<String> task = exports.send(exports.request(url("/fhir/$export?_type=Patient,Task"))
				.header("Prefer", "respond-async").header("Accept-Language", "fr").GET().build());
		assertThat(task.statusCode()).isEqualTo(403);
		assertThat(task.body()).contains("\"code\":\"export-not-narrowable\"", "ne peut pas y être limité");

		HttpResponse<String> audit = exports.kickOff("/fhir/$export?_type=AuditEvent");
		assertThat(audit.statusCode()).isEqualTo(403);
		assertThat(audit.body()).contains("\"code\":\"export-type-not-allowed\"");

		String officer = issuer.token("officer-export", List.of("enrolment-officer"));
		HttpResponse<String> noRight = new BulkExports(url(""), officer).kickOff("/fhir/$export?_type=Patient");
		assertThat(noRight.statusCode()).isEqualTo(403);
		assertThat(noRight.body()).contains("\"code\":\"role-not-allowed\"");
	}

	@Test
	void onlyTheExportingUserFollowsTheExportAndReadsItsFiles() throws Exception {
		BulkExports mine = new BulkExports(url(""), raptaManager);
		HttpResponse<String> kickOff = mine.kickOff("/fhir/$export?_type=Group");
		JsonNode manifest = mine.await(kickOff);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		String file = manifest.get("output").get(0).get("url").asText();

		BulkExports theirs = new BulkExports(url(""), rajoManager);
		HttpResponse<String> poll = theirs.send(theirs.request(status).GET().build());
		assertThat(poll.statusCode()).isEqualTo(403);
		assertThat(poll.body()).contains("\"code\":\"export-not-owner\"");
		assertThat(theirs.fetch(file).statusCode()).isEqualTo(403);
		assertThat(mine.fetch(file).statusCode()).isEqualTo(200);
	}

	private Place place(String village, String product, String facility) throws Exception {
		String clerk = issuer.token("clerk-export", List.of("clerk"));
		String number = "6" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Parameters enrolment = new Parameters();
		enrolment.addParameter().setName("family").setResource(Fixtures.family(village, false));
		enrolment.addParameter().setName("member").setResource(Fixtures.insuree(number, "Scope", "Head", "male", "1980-01-01", true, null));
		if (product != null) {
			enrolment.addParameter("product", new StringType(product));
			enrolment.addParameter("enrolDate", new DateType("2026-06-01"));
		}
		Bundle created = parse(Bundle.class, send("POST", "/fhir/Group/$enrol", encode(enrolment), clerk), 200);
		String family = null;
		String head = null;
		String policy = null;
		for (Bundle.BundleEntryComponent entry : created.getEntry()) {
			String id = entry.getResource().getIdElement().getIdPart();
			if (entry.getResource() instanceof Group) {
				family = id;
			} else if (entry.getResource() instanceof Patient) {
				head = id;
			} else if (entry.getResource() instanceof Coverage) {
				policy = id;
			}
		}
		String contribution = null;
		if (policy != null) {
			contribution = parse(org.hl7.fhir.r4.model.PaymentNotice.class, send("POST", "/fhir/PaymentNotice",
					encode(Fixtures.contribution("Coverage/" + policy, "RC" + number, "1000", "2026-06-05")), clerk), 201)
					.getIdElement().getIdPart();
		}
		String claimAdministrator = issuer.token("claims-export", List.of("claim-administrator"));
		String claim = parse(Claim.class, send("POST", "/fhir/Claim", encode(claim(head, number, facility)), claimAdministrator), 201)
				.getIdElement().getIdPart();
		return new Place(family, head, policy, contribution, claim);
	}

	private static Claim claim(String head, String insuranceNumber, String facility) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue("EX" + insuranceNumber.substring(2));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference("Patient/" + head));
		claim.getBillablePeriod().setStartElement(new DateTimeType("2026-07-01"));
		claim.setCreatedElement(new DateTimeType("2026-07-02"));
		claim.setProvider(new Reference(facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setIdentifier(
				new Identifier().setSystem(Fixtures.INSURANCE_NUMBER).setValue(insuranceNumber)));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "D50", null)));
		Claim.ItemComponent item = claim.addItem().setSequence(1);
		item.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "item", null)));
		item.getProductOrService().addCoding(new Coding("https://imis-fhir.org/fhir/sid/item-code", "0002", null));
		item.getQuantity().setValue(BigDecimal.ONE);
		item.setUnitPrice(new Money().setValue(new BigDecimal("250")).setCurrency("XAF"));
		return claim;
	}

	private String encode(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Class<T> type, HttpResponse<String> response,
			int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return fhirContext.newJsonParser().parseResource(type, response.body());
	}
}
