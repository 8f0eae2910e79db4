package org.imisfhir.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class FacilityRegistryHttpTest extends HttpTestBase {

	@Test
	void aFacilityIsCreatedAndFoundByCodeLevelDistrictRegionAndName() {
		String code = unique("HF");
		Organization facility = Fixtures.facility(code, "Centre de santé Éfoulan " + code, "C", "Location/loc-r2d1");
		facility.addExtension(Fixtures.catchment("Location/loc-r2d1m1v1", "75"));
		String id = client.create().resource(facility).execute().getId().getIdPart();

		assertThat(idsOf("Organization?identifier=https://imis-fhir.org/fhir/sid/hf-code|" + code)).containsExactly(id);
		assertThat(idsOf("Organization?hf-level=C&district=Location/loc-r2d1")).contains(id);
		assertThat(idsOf("Organization?district.partof=Location/loc-r2")).contains(id);
		assertThat(idsOf("Organization?district.partof=Location/loc-r1")).doesNotContain(id);
		assertThat(idsOf("Organization?name=centre%20de%20sante%20efoulan")).contains(id);
	}

	@Test
	void theDemoFacilitiesAreLoaded() {
		Bundle hospitals = client.search().byUrl("Organization?hf-level=H&_sort=name").returnBundle(Bundle.class).execute();

		assertThat(hospitals.getEntry()).extracting(e -> ((Organization) e.getResource()).getName())
				.contains("Rapta District Hospital", "Vida Hospital");
	}

	@Test
	void aFacilityMustLieInADistrict() throws Exception {
		assertThat(refusal(Fixtures.facility(unique("HF"), "In a region", "D", "Location/loc-r1")))
				.isEqualTo("facility-district-not-district");
		Organization noDistrict = Fixtures.facility(unique("HF"), "Nowhere", "D", "Location/loc-r1d1");
		noDistrict.getAddressFirstRep().getExtension().clear();
		assertThat(refusal(noDistrict)).isEqualTo("facility-district-required");
	}

	@Test
	void catchmentMustBeVillagesWithAValidShare() throws Exception {
		Organization notVillage = Fixtures.facility(unique("HF"), "Bad catchment", "D", "Location/loc-r1d1");
		notVillage.addExtension(Fixtures.catchment("Location/loc-r1d1m1", "50"));
		Organization badShare = Fixtures.facility(unique("HF"), "Bad share", "D", "Location/loc-r1d1");
		badShare.addExtension(Fixtures.catchment("Location/loc-r1d1m1v1", "120"));

		assertThat(refusal(notVillage)).isEqualTo("catchment-not-village");
		assertThat(refusal(badShare)).isEqualTo("catchment-percentage");
	}

	@Test
	void aFacilityWithoutItsLevelBreaksTheProfile() throws Exception {
		Organization facility = Fixtures.facility(unique("HF"), "No level", "D", "Location/loc-r1d1");
		facility.getExtension().removeIf(e -> e.getUrl().endsWith("organization-hf-level"));

		HttpResponse<String> response = post(facility);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("profile-violation");
	}

	@Test
	void aSecondFacilityWithTheSameCodeIsADuplicate() throws Exception {
		String code = unique("HF");
		client.create().resource(Fixtures.facility(code, "First", "D", "Location/loc-r1d1")).execute();

		HttpResponse<String> response = post(Fixtures.facility(code, "Second", "D", "Location/loc-r1d1"));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("\"duplicate\"");
	}

	@Test
	void payersAreFoundByType() {
		Bundle governments = client.search().byUrl("Organization?payer-type=G").returnBundle(Bundle.class).execute();

		assertThat(governments.getEntry()).extracting(e -> ((Organization) e.getResource()).getName())
				.contains("Ministry of Public Health");
	}

	private HttpResponse<String> post(Organization organization) throws Exception {
		return postJson("/fhir/Organization", fhirContext.newJsonParser().encodeResourceToString(organization));
	}

	private String refusal(Organization organization) throws Exception {
		HttpResponse<String> response = post(organization);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode();
	}

	private java.util.List<String> idsOf(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().getIdPart())
				.toList();
	}
}
