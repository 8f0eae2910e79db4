package org.imisfhir.programme;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.export.BulkExports;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.TokenHttpTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * HIV data of the Cameroon package, labelled {@code v3-ActCode#HIV} by the VIH programme's definition: the insurees
 * holding a TARV code or a national MPI number and the VIH policies carry the label, users without the sensitive-data
 * grant see none of it (read, search, _include, history, counts, search parameters, identifiers reached through a
 * reference without their system, bulk export), and only a
 * sensitive-data manager changes an insuree's label, through $link-identifier and $unlink-identifier with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensitiveDataHttpTest extends TokenHttpTestBase {

	private static final String HIV = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	private static final String TARV = "https://imis-fhir.org/fhir/sid/cm/tarv-code";
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private final String admin = issuer.token("admin-hiv",
			Arrays.stream(ImisRole.values()).map(ImisRole::code).toList());
	private final String clerk = issuer.token("clerk-hiv", List.of("clerk"));
	private final String reader = issuer.token("clerk-hiv-reader", List.of("clerk", "sensitive-data-reader"));
	private final String schemeAdministrator = issuer.token("scheme-hiv", List.of("scheme-administrator"));
	private final String dataManager = issuer.token("hiv-manager", List.of("scheme-administrator", "clerk", "sensitive-data-manager"));

	@BeforeAll
	void installTheCameroonProgrammesAndHivFamilies() throws Exception {
		for (org.springframework.core.io.Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:fhir/profiles/countries/cm/PlanDefinition-*.json")) {
			try (InputStream in = file.getInputStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				String id = FHIR.newJsonParser().parseResource(PlanDefinition.class, json).getIdElement().getIdPart();
				assertOk(send("PUT", "/fhir/PlanDefinition/" + id, json, admin));
			}
		}
		for (String name : List.of("40-programme-products.json", "41-programme-families.json")) {
			try (InputStream in = getClass().getResourceAsStream("/demo/countries/cm/" + name)) {
				assertOk(send("POST", "/fhir", new String(in.readAllBytes(), StandardCharsets.UTF_8), admin));
			}
		}
	}

	/** The label is left off the programme again, so that the rest of the suite sees no filtering. */
	@AfterAll
	void removeTheLabelFromTheProgramme() throws Exception {
		PlanDefinition vih = FHIR.newJsonParser().parseResource(PlanDefinition.class,
				send("GET", "/fhir/PlanDefinition/programme-vih", null, admin).body());
		Extension rules = vih.getExtensionByUrl(Programmes.RULES_EXTENSION);
		vih.getExtension().remove(rules);
		vih.setMeta(null);
		send("PUT", "/fhir/PlanDefinition/programme-vih", FHIR.newJsonParser().encodeResourceToString(vih), admin);
	}

	@Test
	@Order(1)
	void theInsureeWithATarvCodeAndTheVihPolicyCarryTheHivLabel() throws Exception {
		assertThat(labels(read("/fhir/Patient/ins-cm-hivp1", admin))).containsExactly(HIV + "|HIV");
		assertThat(labels(read("/fhir/Patient/ins-cm-hivn1", admin))).containsExactly(HIV + "|HIV");
		assertThat(labels(read("/fhir/Coverage/pol-cm-hivp", admin))).containsExactly(HIV + "|HIV");
		// the demo's ordinary insurees carry nothing
		HttpResponse<String> others = send("GET", "/fhir/Patient?_count=5&_security:not=" + HIV + "%7CHIV", null, admin);
		assertThat(entries(others)).isNotEmpty().allSatisfy(patient -> assertThat(labels(patient)).isEmpty());
	}

	@Test
	@Order(2)
	void withoutTheGrantNothingOfItIsShownAnywhere() throws Exception {
		// read: as if it did not exist
		assertThat(send("GET", "/fhir/Patient/ins-cm-hivp1", null, clerk).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/fhir/Coverage/pol-cm-hivp", null, clerk).statusCode()).isEqualTo(404);
		// search and _include
		assertThat(ids(send("GET", "/fhir/Patient?_id=ins-cm-hivp1,ins-cm-hivn1", null, clerk))).isEmpty();
		assertThat(ids(send("GET", "/fhir/Coverage?_id=pol-cm-hivp,pol-cm-hivn", null, clerk))).isEmpty();
		List<String> family = ids(send("GET", "/fhir/Group?_id=fam-cm-hivp&_include=Group:member", null, clerk));
		assertThat(family).contains("Group/fam-cm-hivp").doesNotContain("Patient/ins-cm-hivp1");
		// history
		assertThat(ids(send("GET", "/fhir/Patient/ins-cm-hivp1/_history", null, clerk))).isEmpty();
		assertThat(ids(send("GET", "/fhir/Patient/_history?_count=500", null, clerk))).doesNotContain("Patient/ins-cm-hivp1");
		// counts reveal nothing: no total in a page, no count asked
		HttpResponse<String> page = send("GET", "/fhir/Patient?_id=ins-cm-hivp1,ins-cm-hivp2", null, clerk);
		assertThat(FHIR.newJsonParser().parseResource(Bundle.class, page.body()).hasTotal()).isFalse();
		assertThat(send("GET", "/fhir/Patient?_id=ins-cm-hivp1&_summary=count", null, clerk).statusCode()).isEqualTo(400);
		// no parameter may probe for them
		for (String probe : List.of("/fhir/Patient?identifier=" + TARV + "%7CTARV-0001",
				"/fhir/Coverage?beneficiary.identifier=" + TARV + "%7CTARV-0001", "/fhir/Patient?_security=" + HIV + "%7CHIV")) {
			HttpResponse<String> refused = send("GET", probe, null, clerk);
			assertThat(refused.statusCode()).as(probe).isEqualTo(403);
			assertThat(refused.body()).contains("sensitive-search-not-granted").doesNotContain("TARV-0001");
		}
	}

	@Test
	@Order(2)
	void withoutTheGrantAnInsureesIdentifierReachedThroughAReferenceNeedsItsSystem() throws Exception {
		String tarv = "TARV-CE-00417";
		String insuranceNumber = "https://imis-fhir.org/fhir/sid/insurance-number%7CCM9000001";
		// the way it would leak: the family of whoever holds this TARV code, found through its members
		assertThat(ids(send("GET", "/fhir/Group?member.identifier=" + tarv, null, admin))).contains("Group/fam-cm-hivp");

		String claims = issuer.token("claims-hiv", List.of("claim-administrator"));
		for (String[] probe : List.of(new String[] {"/fhir/Group?member.identifier=" + tarv, clerk, "member.identifier"},
				new String[] {"/fhir/Group?_has:Patient:family-group:identifier=" + tarv, clerk, "_has:Patient:family-group:identifier"},
				new String[] {"/fhir/Coverage?beneficiary.identifier=" + tarv, clerk, "beneficiary.identifier"},
				new String[] {"/fhir/Claim?patient.identifier=" + tarv, claims, "patient.identifier"},
				new String[] {"/fhir/Claim?patient:Patient.identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203%7CMR%7C" + tarv,
						claims, "patient:Patient.identifier:of-type"},
				new String[] {"/fhir/Patient?identifier=" + tarv + "&_revinclude=Group:member", clerk, "identifier"})) {
			HttpResponse<String> refused = send("GET", probe[0], null, probe[1], "Accept-Language", "fr");
			assertThat(refused.statusCode()).as(probe[0] + ": " + refused.body()).isEqualTo(403);
			assertThat(refused.body()).contains(ProgrammeViolation.SYSTEM, "sensitive-search-system-required",
					"Une recherche par " + probe[2] + " doit donner le système").doesNotContain(tarv);
		}

		// with the system (or explicitly none) the search is answered
		assertThat(ids(send("GET", "/fhir/Group?member.identifier=" + insuranceNumber, null, clerk))).contains("Group/fam-cm-hivp");
		assertThat(ids(send("GET", "/fhir/Group?member.identifier=%7C" + tarv, null, clerk))).isEmpty();
		assertOk(send("GET", "/fhir/Claim?patient.identifier=" + insuranceNumber, null, claims));
		// insurees by their number alone: answered, the hidden ones left out
		assertThat(ids(send("GET", "/fhir/Patient?identifier=" + tarv, null, clerk))).isEmpty();
		assertThat(ids(send("GET", "/fhir/Patient?identifier=CM9000002", null, clerk))).containsExactly("Patient/ins-cm-hivp2");
		// identifiers of other types are left alone: a claim's code, a facility's code through the provider
		assertOk(send("GET", "/fhir/Claim?identifier=RT-2026-0815", null, claims));
		assertOk(send("GET", "/fhir/Claim?provider.identifier=RTDI001", null, claims));
		// and a user granted sensitive data searches as before
		assertThat(ids(send("GET", "/fhir/Group?member.identifier=" + tarv, null, reader))).contains("Group/fam-cm-hivp");
	}

	@Test
	@Order(3)
	void withTheGrantEverythingIsShown() throws Exception {
		assertOk(send("GET", "/fhir/Patient/ins-cm-hivp1", null, reader));
		assertThat(ids(send("GET", "/fhir/Group?_id=fam-cm-hivp&_include=Group:member", null, reader)))
				.contains("Patient/ins-cm-hivp1");
		HttpResponse<String> count = send("GET", "/fhir/Patient?_id=ins-cm-hivp1&_summary=count", null, reader);
		assertThat(FHIR.newJsonParser().parseResource(Bundle.class, count.body()).getTotal()).isEqualTo(1);
		assertThat(send("GET", "/fhir/Patient?_security=" + HIV + "%7CHIV", null, reader).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void onlyASensitiveDataManagerChangesTheLabelAndOnlyWithAReason() throws Exception {
		String child = "ins-cm-hivp2";
		assertThat(labels(read("/fhir/Patient/" + child, admin))).isEmpty();
		// a plain update adding a TARV code: refused even to the manager (no reason can be given)
		Patient update = FHIR.newJsonParser().parseResource(Patient.class, send("GET", "/fhir/Patient/" + child, null, admin).body());
		update.addIdentifier().setSystem(TARV).setValue("TARV-CHILD-1");
		HttpResponse<String> put = send("PUT", "/fhir/Patient/" + child, FHIR.newJsonParser().encodeResourceToString(update), dataManager);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
		assertThat(put.body()).contains("sensitive-label-change");
		// linking without the grant: refused before anything is looked at
		HttpResponse<String> notGranted = send("POST", "/fhir/Patient/" + child + "/$link-identifier", link("TARV-CHILD-1"), schemeAdministrator);
		assertThat(notGranted.statusCode()).as(notGranted.body()).isEqualTo(403);
		assertThat(notGranted.body()).contains("sensitive-identifier-not-granted");
		assertThat(labels(read("/fhir/Patient/" + child, admin))).isEmpty();
		// the manager links it with a reason: the child is labelled and hidden from the clerk
		assertOk(send("POST", "/fhir/Patient/" + child + "/$link-identifier", link("TARV-CHILD-1"), dataManager));
		assertThat(labels(read("/fhir/Patient/" + child, admin))).containsExactly(HIV + "|HIV");
		assertThat(send("GET", "/fhir/Patient/" + child, null, clerk).statusCode()).isEqualTo(404);
		// and unlinks it again: the label goes
		assertOk(send("POST", "/fhir/Patient/" + child + "/$unlink-identifier", link("TARV-CHILD-1"), dataManager));
		assertThat(labels(read("/fhir/Patient/" + child, admin))).isEmpty();
		assertOk(send("GET", "/fhir/Patient/" + child, null, clerk));
	}

	@Test
	@Order(5)
	void aBulkExportWithoutTheGrantLeavesTheLabelledDataOut() throws Exception {
		String manager = issuer.token("manager-hiv", List.of("manager"));
		BulkExports exports = new BulkExports(url(""), manager);
		JsonNode manifest = exports.await(exports.kickOff("/fhir/$export?_type=Patient,Coverage"));
		Map<String, List<JsonNode>> files = exports.resources(manifest);
		List<String> exported = new ArrayList<>();
		files.values().forEach(lines -> lines.forEach(line -> exported.add(line.get("id").asText())));
		assertThat(exported).isNotEmpty().doesNotContain("ins-cm-hivp1", "ins-cm-hivn1", "pol-cm-hivp", "pol-cm-hivn");
		assertThat(String.join(" ", files.values().stream().flatMap(List::stream).map(JsonNode::toString).toList()))
				.doesNotContain(TARV);
	}

	private String link(String value) {
		return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"system\",\"valueUri\":\"" + TARV + "\"},"
				+ "{\"name\":\"value\",\"valueString\":\"" + value + "\"},"
				+ "{\"name\":\"reason\",\"valueString\":\"TARV number confirmed by the treatment centre\"}]}";
	}

	private Resource read(String path, String token) throws Exception {
		HttpResponse<String> response = send("GET", path, null, token);
		assertOk(response);
		return (Resource) FHIR.newJsonParser().parseResource(response.body());
	}

	private static List<String> labels(Resource resource) {
		return resource.getMeta().getSecurity().stream().map((Coding c) -> c.getSystem() + "|" + c.getCode()).toList();
	}

	private static List<Resource> entries(HttpResponse<String> response) {
		assertOk(response);
		return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList();
	}

	private static List<String> ids(HttpResponse<String> response) {
		return entries(response).stream().map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList();
	}

	private static void assertOk(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}
}
