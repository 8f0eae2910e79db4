package org.imisfhir.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class LocationRegistryHttpTest extends HttpTestBase {

	@Test
	void aWholeBranchIsCreatedInOneTransactionAndFoundBelowItsRegion() {
		String region = unique("R");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addEntry(transaction, "urn:uuid:region", Fixtures.location(region, "Region " + region, "R", null));
		addEntry(transaction, "urn:uuid:district", Fixtures.location(unique("D"), "District", "D", "urn:uuid:region"));
		addEntry(transaction, "urn:uuid:ward", Fixtures.location(unique("W"), "Ward", "W", "urn:uuid:district"));
		Location village = Fixtures.location(unique("V"), "Village", "V", "urn:uuid:ward");
		Extension population = village.addExtension().setUrl(Fixtures.PROFILES + "location-population");
		population.addExtension("male", new IntegerType(120));
		population.addExtension("female", new IntegerType(131));
		population.addExtension("families", new IntegerType(48));
		addEntry(transaction, "urn:uuid:village", village);

		Bundle response = client.transaction().withBundle(transaction).execute();
		String regionId = new org.hl7.fhir.r4.model.IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();
		Bundle branch = client.search()
				.byUrl("Location?_id=" + regionId + "&_revinclude:iterate=Location:partof")
				.returnBundle(Bundle.class)
				.execute();

		assertThat(branch.getEntry()).extracting(e -> ((Location) e.getResource()).getName())
				.containsExactlyInAnyOrder("Region " + region, "District", "Ward", "Village");
	}

	@Test
	void aVillageUnderADistrictIsRefusedInFrench() throws Exception {
		Location village = Fixtures.location(unique("V"), "Wrong village", "V", "Location/loc-r1d1");

		HttpResponse<String> response = postJson(
				"/fhir/Location", fhirContext.newJsonParser().encodeResourceToString(village), "Accept-Language", "fr");

		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome.getIssueFirstRep().getDetails().getCoding()).anySatisfy(coding -> {
			assertThat(coding.getSystem()).isEqualTo(Fixtures.REGISTRY_ERRORS);
			assertThat(coding.getCode()).isEqualTo("location-parent-level");
		});
		assertThat(outcome.getIssueFirstRep().getDetails().getText())
				.isEqualTo("Un emplacement de niveau V ne peut pas être placé sous un emplacement de niveau D : son parent doit être de niveau W.");
	}

	@Test
	void aDistrictNeedsARegionAndARegionHasNoParent() throws Exception {
		assertThat(refusalCode(Fixtures.location(unique("D"), "Orphan district", "D", null))).isEqualTo("location-parent-required");
		assertThat(refusalCode(Fixtures.location(unique("R"), "Nested region", "R", "Location/loc-r1")))
				.isEqualTo("location-region-has-parent");
		assertThat(refusalCode(Fixtures.location("R1234567X", "Long code", "R", null))).isEqualTo("code-too-long");
	}

	@Test
	void aLocationIsRenamedByUpdate() {
		String id = client.create().resource(Fixtures.location(unique("R"), "Old name", "R", null)).execute().getId().getIdPart();
		Location stored = client.read().resource(Location.class).withId(id).execute();
		stored.setName("Nouveau nom accentué");
		client.update().resource(stored).execute();

		Bundle byName = client.search().byUrl("Location?name=nouveau%20nom%20accentue&_id=" + id).returnBundle(Bundle.class).execute();
		assertThat(byName.getEntry()).hasSize(1);
	}

	private String refusalCode(Location location) throws Exception {
		HttpResponse<String> response = postJson("/fhir/Location", fhirContext.newJsonParser().encodeResourceToString(location));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode();
	}

	private static void addEntry(Bundle transaction, String fullUrl, Location location) {
		transaction.addEntry().setFullUrl(fullUrl).setResource(location)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Location");
	}
}
