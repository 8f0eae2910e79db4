package org.imisfhir.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataHttpTest extends HttpTestBase {

	@Autowired
	DemoDataLoader demoDataLoader;

	@Test
	void demoRegionsAndTheirDistrictsAreLoaded() {
		Bundle tahida = client.search().forResource(Location.class)
				.where(Location.IDENTIFIER.exactly().systemAndCode(Fixtures.LOCATION_CODE, "R1"))
				.returnBundle(Bundle.class)
				.execute();
		// The region and everything below it, in one query
		Bundle belowTahida = client.search()
				.byUrl("Location?_id=loc-r1&_revinclude:iterate=Location:partof")
				.returnBundle(Bundle.class)
				.execute();

		assertThat(tahida.getEntry()).hasSize(1);
		assertThat(((Location) tahida.getEntryFirstRep().getResource()).getName()).isEqualTo("Tahida");
		assertThat(belowTahida.getEntry()).extracting(e -> ((Location) e.getResource()).getName())
				.contains("Rapta", "Jamboro", "Rachla");
	}

	@Test
	void loadingTheDemoAgainChangesNothing() throws Exception {
		demoDataLoader.load();

		Location jamboro = client.read().resource(Location.class).withId("loc-r1d2").execute();
		Bundle jamboroByCode = client.search().forResource(Location.class)
				.where(Location.IDENTIFIER.exactly().systemAndCode(Fixtures.LOCATION_CODE, "R1D2"))
				.returnBundle(Bundle.class)
				.execute();
		assertThat(jamboro.getMeta().getVersionId()).isEqualTo("1");
		assertThat(jamboroByCode.getEntry()).hasSize(1);
	}
}
