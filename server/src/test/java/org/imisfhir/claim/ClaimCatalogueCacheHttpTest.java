package org.imisfhir.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.imisfhir.registry.catalogue.CatalogueFixtures;
import org.imisfhir.registry.catalogue.CatalogueResources;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClaimCatalogueCacheHttpTest extends HttpTestBase {

	@Autowired
	ClaimCatalogueCache cache;

	@Test
	void aWrittenItemIsSeenAtOnceByTheClaimsReadingTheCatalogue() {
		String code = CatalogueFixtures.code("K");
		assertThat(cache.idOf(Medication.class, CatalogueCodes.ITEM_CODE, code)).as("unknown, and remembered as such").isEmpty();

		Medication item = CatalogueFixtures.item(code, "Cached item", 250);
		IdType id = (IdType) client.create().resource(item).execute().getId().toUnqualifiedVersionless();
		assertThat(cache.idOf(Medication.class, CatalogueCodes.ITEM_CODE, code)).as("found once created").contains(id);
		assertThat(CatalogueResources.price(cache.read(Medication.class, id)).getValue()).isEqualByComparingTo("250");

		Medication stored = client.read().resource(Medication.class).withId(id).execute();
		CatalogueResources.price(stored).setValue(new BigDecimal("300"));
		client.update().resource(stored).execute();
		assertThat(CatalogueResources.price(cache.read(Medication.class, id)).getValue()).as("the new price").isEqualByComparingTo("300");
	}
}
