package org.imisfhir.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class ResourceCrudHttpTest extends HttpTestBase {

	@Test
	void locationIsCreatedReadAndFoundByCode() {
		String code = unique("R");
		MethodOutcome created = client.create().resource(Fixtures.location(code, "Region " + code, "R", null)).execute();
		IdType id = (IdType) created.getId().toUnqualifiedVersionless();

		Location read = client.read().resource(Location.class).withId(id).execute();
		Bundle found = client.search().forResource(Location.class)
				.where(Location.IDENTIFIER.exactly().systemAndCode(Fixtures.LOCATION_CODE, code))
				.returnBundle(Bundle.class)
				.execute();

		assertThat(created.getCreated()).isTrue();
		assertThat(read.getName()).isEqualTo("Region " + code);
		assertThat(read.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(Fixtures.LOCATION_PROFILE);
		Bundle foundByValueOnly = client.search().forResource(Location.class)
				.where(Location.IDENTIFIER.exactly().code(code))
				.returnBundle(Bundle.class)
				.execute();
		assertThat(found.getEntry()).hasSize(1);
		assertThat(foundByValueOnly.getEntry()).hasSize(1);
		assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(id.getIdPart());
	}

	@Test
	void patientIsFoundByFamilyNameAndByFullText() {
		String family = unique("Nkoulou");
		Patient patient = Fixtures.insuree(unique("11"), family, "Amina", "female", "1991-04-02", true, null);
		client.create().resource(patient).execute();

		Bundle byName = client.search().forResource(Patient.class)
				.where(Patient.FAMILY.matches().value(family))
				.returnBundle(Bundle.class)
				.execute();
		Bundle byContent = client.search().byUrl("Patient?_content=" + family).returnBundle(Bundle.class).execute();

		assertThat(byName.getEntry()).hasSize(1);
		assertThat(byContent.getEntry()).hasSize(1);
	}

	@Test
	void searchResultsArePaged() {
		Bundle page = client.search().forResource(Location.class).count(5).returnBundle(Bundle.class).execute();

		assertThat(page.getEntry()).hasSize(5);
		assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
		Bundle next = client.loadPage().next(page).execute();
		assertThat(next.getEntry()).isNotEmpty();
	}
}
