package org.imisfhir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.export.BulkExports.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk export (HAPI's Batch2 $export) at system, Patient and Group level, NDJSON files read back. */
class BulkExportHttpTest extends HttpTestBase {

	private BulkExports exports;
	private String family;
	private String head;
	private String child;
	private String policy;

	@BeforeEach
	void aFamilyWithAPolicy() {
		exports = new BulkExports(serverUrl(), null);
		String number = "7" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number, "Export", "Head", "female", "1985-03-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number + "1", "Export", "Child", "male", "2018-01-01", false, "4"));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2026-06-01"));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		for (Bundle.BundleEntryComponent entry : created.getEntry()) {
			String id = entry.getResource().getIdElement().getIdPart();
			if (entry.getResource() instanceof Group) {
				family = id;
			} else if (entry.getResource() instanceof Patient patient) {
				if (patient.getNameFirstRep().getGivenAsSingleString().equals("Head")) {
					head = id;
				} else {
					child = id;
				}
			} else if (entry.getResource() instanceof Coverage) {
				policy = id;
			}
		}
	}

	@Test
	void aSystemExportHoldsTheAskedTypesAsNdjson() throws Exception {
		HttpResponse<String> kickOff = exports.kickOff("/fhir/$export?_type=Patient,Group,Coverage,Location");
		JsonNode manifest = exports.await(kickOff);

		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(manifest.get("request").asText()).contains("$export");
		Map<String, List<JsonNode>> resources = exports.resources(manifest);
		assertThat(resources.keySet()).containsExactlyInAnyOrder("Patient", "Group", "Coverage", "Location");
		assertThat(ids(resources, "Patient")).contains(head, child);
		assertThat(ids(resources, "Group")).contains(family);
		assertThat(ids(resources, "Coverage")).contains(policy);
		assertThat(ids(resources, "Location")).contains("loc-r1d1", "loc-r1d1m1v1");
	}

	@Test
	void aFamilyExportHoldsTheFamilyItsMembersAndTheirPolicy() throws Exception {
		JsonNode manifest = exports.await(exports.kickOff("/fhir/Group/" + family + "/$export?_type=Group,Patient,Coverage"));

		Map<String, List<JsonNode>> resources = exports.resources(manifest);
		assertThat(ids(resources, "Group")).containsExactly(family);
		assertThat(ids(resources, "Patient")).containsExactlyInAnyOrder(head, child);
		assertThat(ids(resources, "Coverage")).containsExactly(policy);
	}

	@Test
	void anInsureeExportHoldsTheirOwnResources() throws Exception {
		JsonNode manifest = exports.await(exports.kickOff("/fhir/Patient/" + head + "/$export?_type=Patient,Coverage"));

		Map<String, List<JsonNode>> resources = exports.resources(manifest);
		assertThat(ids(resources, "Patient")).containsExactly(head);
		assertThat(ids(resources, "Coverage")).containsExactly(policy);
	}

	@Test
	void aPatientLevelExportHoldsEveryInsureesResourcesFiltered() throws Exception {
		JsonNode manifest = exports.await(exports.kickOff(
				"/fhir/Patient/$export?_type=Patient&_typeFilter=" + java.net.URLEncoder.encode(
						"Patient?family-group=Group/" + family, java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(ids(exports.resources(manifest), "Patient")).containsExactlyInAnyOrder(head, child);
	}

	@Test
	void withoutPreferRespondAsyncTheExportIsRefused() throws Exception {
		HttpResponse<String> response = get("/fhir/$export?_type=Patient");
		assertThat(response.statusCode()).isEqualTo(400);
	}
}
