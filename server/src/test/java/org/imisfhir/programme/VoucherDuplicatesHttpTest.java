package org.imisfhir.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.programme.rules.VoucherFinding;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@code Basic/$voucher-duplicates} over a programme of its own: two imports carrying duplicates, enrolments using
 * vouchers, claims coded with a voucher number and status changes, each finding worked out by hand.
 */
class VoucherDuplicatesHttpTest extends HttpTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	ca.uhn.fhir.jpa.api.dao.DaoRegistry daos;

	/** A migrated voucher record whose history shows a second use (the server itself refuses to make one). */
	private void usedAgainInThePast(String number) {
		var dao = daos.getResourceDao(Basic.class);
		Basic voucher = (Basic) dao.search(ca.uhn.fhir.jpa.searchparam.SearchParameterMap.newSynchronous("voucher-number",
				new ca.uhn.fhir.rest.param.TokenParam(Vouchers.NUMBER_SYSTEM, number)), new ca.uhn.fhir.rest.api.server.SystemRequestDetails())
				.getResources(0, 1).get(0);
		Vouchers.changeStatus(voucher, org.imisfhir.programme.rules.VoucherStatus.NEW, "migration", "record of the earlier system");
		Vouchers.changeStatus(voucher, org.imisfhir.programme.rules.VoucherStatus.USED, "migration", "record of the earlier system");
		dao.update(voucher, new ca.uhn.fhir.rest.api.server.SystemRequestDetails());
	}

	private final String programme = unique("VD");
	private final String p = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();

	@Test
	void theImportsDuplicatesAndSuspiciousVouchersAreListedInFhirAndCsv() throws Exception {
		/*
		 * Import 1: line 2 p01 New, 3 p02 New, 4 p03 Used (imported used: no policy), 5 p01 new (the same file again),
		 * 6 p0A New, 7 p0a New (another number, differing by case), 8 p05 New, 9 p07 New.
		 */
		Parameters first = importFile("NumCheque;ChequeStatus\n" + p + "01;New\n" + p + "02;New\n" + p + "03;Used\n"
				+ p + "01;new\n" + p + "0A;New\n" + p + "0a;New\n" + p + "05;New\n" + p + "07;New\n");
		assertThat(first.getParameter("created").getValue().primitiveValue()).isEqualTo("7");
		assertThat(first.getParameter("duplicate").getValue().primitiveValue()).isEqualTo("1");
		String firstImport = first.getParameter("importId").getValue().primitiveValue();
		String firstRecord = ((Reference) first.getParameter("record").getValue()).getReference();
		Basic kept = client.read().resource(Basic.class).withId(firstRecord).execute();
		assertThat(VoucherImports.rows(kept)).as("every row taken is kept").hasSize(8)
				.element(3).isEqualTo(new VoucherImports.Row(5, p + "01", "new", "duplicate", null));

		/*
		 * Family A uses p02; family B uses p07, which is then cancelled. Setting it back to new is refused (it was
		 * used); a voucher used twice can still come from the past (an earlier system, a migration): p07's history
		 * is given a second use, as such a migrated record would carry.
		 * Claims coded p02: at Rapta Dispensary for A's insuree, at Rapta Health Centre for B's insuree.
		 */
		Enrolled a = enrol(p + "02");
		Enrolled b = enrol(p + "07");
		setStatus(p + "07", "cancelled", "Lost, found again");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> setStatus(p + "07", "new", "Found again"))
				.as("used, cancelled, new again would be a double use in two steps")
				.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class);
		usedAgainInThePast(p + "07");
		String c1 = "Claim/" + client.create().resource(claim(a, p + "02", "hf-rtdi001")).execute().getId().getIdPart();
		String c2 = "Claim/" + client.create().resource(claim(b, p + "02", "hf-rthc001")).execute().getId().getIdPart();

		// Import 2: line 2 p02 New (stored used: kept, a setting back to new), 3 p05 Cancel (stored new), 4 p06 New.
		Parameters second = importFile("NumCheque;ChequeStatus\n" + p + "02;New\n" + p + "05;Cancel\n" + p + "06;New\n");
		assertThat(second.getParameter("duplicate").getValue().primitiveValue()).isEqualTo("2");
		String secondImport = second.getParameter("importId").getValue().primitiveValue();
		String secondRecord = ((Reference) second.getParameter("record").getValue()).getReference();
		assertThat(secondImport).isNotEqualTo(firstImport);
		// p02, found a duplicate after use, is cancelled: its claims now name a cancelled voucher
		setStatus(p + "02", "cancelled", "Duplicate of a voucher of another district");

		/*
		 * Duplicates: p01 in one file (import 1, lines 2 and 5; new), p02 across imports (import 1 line 3 created,
		 * import 2 line 2 duplicate found used; cancelled), p05 across imports (import 1 line 8, import 2 line 3; new).
		 * Suspicious: p02 claimed for 2 insurees (c1, c2), asked new by import 2 while used, cancelled but claimed
		 * (c1, c2); p03 used without policy; p07 used by 2 enrolments (C's policy); p0A and p0a differ by case.
		 */
		Parameters all = list("programme=" + programme);
		assertThat(all.getParameter("duplicateCount").getValue().primitiveValue()).isEqualTo("3");
		assertThat(all.getParameter("suspiciousCount").getValue().primitiveValue()).isEqualTo("5");
		Map<String, ParametersParameterComponent> duplicates = entries(all, "duplicate");
		assertThat(duplicates.keySet()).containsExactly(p + "01", p + "02", p + "05");
		assertThat(findings(duplicates.get(p + "01"))).containsExactly("duplicate-in-file");
		assertThat(occurrences(duplicates.get(p + "01"))).containsExactly(firstImport + " 2 New created",
				firstImport + " 5 new duplicate");
		assertThat(part(duplicates.get(p + "01"), "status")).isEqualTo("new");
		assertThat(findings(duplicates.get(p + "02"))).containsExactly("duplicate-across-imports");
		assertThat(occurrences(duplicates.get(p + "02"))).containsExactly(firstImport + " 3 New created",
				secondImport + " 2 New duplicate used");
		assertThat(part(duplicates.get(p + "02"), "status")).as("its current status").isEqualTo("cancelled");
		assertThat(occurrences(duplicates.get(p + "05"))).containsExactly(firstImport + " 8 New created",
				secondImport + " 3 Cancel duplicate new");

		Map<String, ParametersParameterComponent> suspicious = entries(all, "suspicious");
		assertThat(suspicious.keySet()).containsExactly(p + "02", p + "03", p + "07", p + "0A", p + "0a");
		assertThat(findings(suspicious.get(p + "02"))).containsExactly(
				"claimed-for-several-insurees", "set-back-to-new-by-import", "cancelled-but-claimed");
		assertThat(related(suspicious.get(p + "02"), "cancelled-but-claimed")).containsExactlyInAnyOrder(c1, c2);
		assertThat(related(suspicious.get(p + "02"), "set-back-to-new-by-import")).containsExactly(secondRecord);
		assertThat(findings(suspicious.get(p + "03"))).containsExactly("used-without-policy");
		assertThat(findings(suspicious.get(p + "07"))).containsExactly("used-by-several-enrolments");
		assertThat(related(suspicious.get(p + "07"), "used-by-several-enrolments")).containsExactly(b.policy);
		assertThat(findings(suspicious.get(p + "0A"))).containsExactly("number-differs-by-case");
		assertThat(detail(suspicious.get(p + "0a"), "number-differs-by-case")).contains(p + "0A");

		// import 2 alone: the numbers it brought (p02, p05, p06), with their rows in every import
		Parameters one = list("import=" + secondImport);
		assertThat(entries(one, "duplicate").keySet()).containsExactly(p + "02", p + "05");
		assertThat(entries(one, "suspicious").keySet()).containsExactly(p + "02");
		assertThat(entries(list("import=" + secondRecord.substring("Basic/".length())), "duplicate").keySet())
				.as("the record's id names the same import").containsExactly(p + "02", p + "05");
		// days before any of it: nothing
		Parameters before = list("programme=" + programme + "&from=2020-01-01&to=2020-12-31");
		assertThat(before.getParameter("duplicateCount").getValue().primitiveValue()).isEqualTo("0");
		assertThat(before.getParameter("suspiciousCount").getValue().primitiveValue()).isEqualTo("0");

		// CSV: a row per occurrence of a duplicate, a row per finding of a suspicious voucher
		HttpResponse<String> csv = get("/fhir/Basic/$voucher-duplicates?programme=" + programme + "&format=csv", "Accept", "text/csv",
				"Accept-Language", "fr");
		assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		List<String> lines = List.of(csv.body().split("\r\n"));
		assertThat(lines.get(0)).isEqualTo(String.join(",", VoucherDuplicatesAnswer.CSV_COLUMNS));
		assertThat(lines).hasSize(1 + 6 + 7);
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("duplicate," + p + "01," + programme + ",Basic/")
				.contains(",new,duplicate-in-file," + firstImport + ",").contains(",5,new,duplicate,,"));
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("suspicious," + p + "03,")
				.contains(",used,used-without-policy,,,,,,,,").contains("est utilisé mais aucune police"));
		HttpResponse<String> accepted = get("/fhir/Basic/$voucher-duplicates?programme=" + programme, "Accept", "text/csv");
		assertThat(accepted.headers().firstValue("Content-Type").orElse("")).as("Accept: text/csv alone").startsWith("text/csv");
		assertThat(accepted.body().split("\r\n")).hasSize(lines.size());
		assertThat(accepted.body()).contains(p + "03 is used but no policy used it");
		HttpResponse<String> formatted = get("/fhir/Basic/$voucher-duplicates?programme=" + programme + "&_format=csv");
		assertThat(formatted.statusCode()).as(formatted.body()).isEqualTo(200);
		assertThat(formatted.headers().firstValue("Content-Type").orElse("")).as("_format=csv").startsWith("text/csv");
		HttpResponse<String> posted = postJson("/fhir/Basic/$voucher-duplicates", """
				{"resourceType":"Parameters","parameter":[{"name":"programme","valueString":"%s"},
				{"name":"format","valueString":"csv"}]}""".formatted(programme));
		Binary table = fhirContext.newJsonParser().parseResource(Binary.class, posted.body());
		assertThat(table.getContentType()).isEqualTo("text/csv");
		assertThat(new String(table.getData(), StandardCharsets.UTF_8).split("\r\n")).hasSize(lines.size());
	}

	@Test
	void unknownProgrammesImportsBadDaysAndFormatsAreRefusedWithTheirReason() throws Exception {
		HttpResponse<String> programmeUnknown = get("/fhir/Basic/$voucher-duplicates?programme=NOPE9", "Accept-Language", "fr");
		assertThat(programmeUnknown.statusCode()).isEqualTo(400);
		assertThat(programmeUnknown.body()).contains(ProgrammeViolation.SYSTEM, "\"code\":\"voucher-list-programme-unknown\"",
				"Aucun programme ni aucun import de chèques n'a le code NOPE9");
		HttpResponse<String> importUnknown = get("/fhir/Basic/$voucher-duplicates?import=vouchers-1999");
		assertThat(importUnknown.statusCode()).isEqualTo(400);
		assertThat(importUnknown.body()).contains("\"code\":\"voucher-list-import-unknown\"", "vouchers-1999");
		HttpResponse<String> badDay = get("/fhir/Basic/$voucher-duplicates?from=2026-02-30");
		assertThat(badDay.statusCode()).isEqualTo(400);
		assertThat(badDay.body()).contains("\"code\":\"voucher-list-date-invalid\"", "2026-02-30");
		HttpResponse<String> reversed = get("/fhir/Basic/$voucher-duplicates?from=2026-03-02&to=2026-03-01");
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("\"code\":\"voucher-list-date-invalid\"");
		HttpResponse<String> format = get("/fhir/Basic/$voucher-duplicates?format=xlsx");
		assertThat(format.statusCode()).isEqualTo(400);
		assertThat(format.body()).contains("\"code\":\"voucher-list-format-unknown\"", "xlsx");
	}

	private Parameters list(String query) throws Exception {
		HttpResponse<String> response = get("/fhir/Basic/$voucher-duplicates?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	/** The entries of that name, by number, in answer order. */
	private static Map<String, ParametersParameterComponent> entries(Parameters answer, String name) {
		Map<String, ParametersParameterComponent> entries = new LinkedHashMap<>();
		for (ParametersParameterComponent entry : answer.getParameter()) {
			if (name.equals(entry.getName())) {
				entries.put(part(entry, "number"), entry);
			}
		}
		return entries;
	}

	private static String part(ParametersParameterComponent entry, String name) {
		return entry.getPart().stream().filter(p -> name.equals(p.getName())).map(p -> p.getValue().primitiveValue())
				.findFirst().orElse(null);
	}

	private static List<ParametersParameterComponent> parts(ParametersParameterComponent entry, String name) {
		return entry.getPart().stream().filter(p -> name.equals(p.getName())).toList();
	}

	private static List<String> findings(ParametersParameterComponent entry) {
		List<String> codes = new ArrayList<>();
		for (ParametersParameterComponent finding : parts(entry, "finding")) {
			Coding code = (Coding) parts(finding, "code").get(0).getValue();
			assertThat(code.getSystem()).isEqualTo(VoucherFinding.SYSTEM);
			assertThat(part(finding, "detail")).isNotBlank();
			codes.add(code.getCode());
		}
		return codes;
	}

	private static ParametersParameterComponent finding(ParametersParameterComponent entry, String code) {
		return parts(entry, "finding").stream()
				.filter(f -> code.equals(((Coding) parts(f, "code").get(0).getValue()).getCode())).findFirst().orElseThrow();
	}

	private static List<String> related(ParametersParameterComponent entry, String code) {
		return parts(finding(entry, code), "related").stream().map(r -> ((Reference) r.getValue()).getReference()).toList();
	}

	private static String detail(ParametersParameterComponent entry, String code) {
		return part(finding(entry, code), "detail");
	}

	/** Each occurrence as "import line status outcome[ found]". */
	private static List<String> occurrences(ParametersParameterComponent entry) {
		return parts(entry, "occurrence").stream().map(o -> part(o, "import") + " " + part(o, "line") + " " + part(o, "status")
				+ " " + part(o, "outcome") + (part(o, "found") == null ? "" : " " + part(o, "found"))).toList();
	}

	private Parameters importFile(String csv) {
		Parameters in = new Parameters();
		in.addParameter("csv", new StringType(csv));
		in.addParameter("programme", new StringType(programme));
		return client.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
	}

	private void setStatus(String number, String status, String reason) {
		Basic voucher = (Basic) client.search().byUrl("Basic?voucher-number=" + Vouchers.NUMBER_SYSTEM + "|" + number)
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		Parameters change = new Parameters();
		change.addParameter("status", new CodeType(status));
		change.addParameter("reason", new StringType(reason));
		client.operation().onInstance("Basic/" + voucher.getIdElement().getIdPart()).named("$set-voucher-status")
				.withParameters(change).returnResourceType(Basic.class).execute();
	}

	private record Enrolled(String insuree, String policy) {}

	/** A one-woman family on PMTA0001 using the voucher. */
	private Enrolled enrol(String voucher) {
		String number = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number, "Ngo", "Awa", "female", "1998-05-01", true, null));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		request.addParameter("voucher", new StringType(voucher));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		Patient insuree = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
				.map(Patient.class::cast).findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Coverage.class::isInstance)
				.map(Coverage.class::cast).findFirst().orElseThrow();
		return new Enrolled("Patient/" + insuree.getIdElement().getIdPart(), "Coverage/" + policy.getIdElement().getIdPart());
	}

	/** An entered claim whose code is the voucher number. */
	private static Claim claim(Enrolled insuree, String code, String facility) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(insuree.insuree()));
		claim.getBillablePeriod().setStartElement(new DateTimeType("2026-03-12"));
		claim.setCreatedElement(new DateTimeType("2026-03-12"));
		claim.setProvider(new Reference("Organization/" + facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(insuree.policy()));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "D50", null)));
		Claim.ItemComponent item = claim.addItem();
		item.setSequence(1);
		item.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "item", null)));
		item.getProductOrService().addCoding(new Coding("https://imis-fhir.org/fhir/sid/item-code", "0002", null));
		item.getQuantity().setValue(new BigDecimal("1"));
		item.setUnitPrice(new Money().setValue(new BigDecimal("250")).setCurrency("XAF"));
		return claim;
	}
}
