package org.imisfhir.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** The medical services (ActivityDefinition) and items (Medication) registers over HTTP. */
class CatalogueRegisterHttpTest extends HttpTestBase {

	@Test
	void serviceIsCreatedReadAndFoundByCodeNameAndValidity() {
		String code = CatalogueFixtures.code("S");
		IdType id = (IdType) client.create().resource(CatalogueFixtures.service(code, "Wound dressing " + code, 1500)).execute().getId();

		ActivityDefinition read = client.read().resource(ActivityDefinition.class).withId(id.toUnqualifiedVersionless()).execute();
		assertThat(read.getMeta().getProfile()).extracting(p -> p.getValue()).contains(CatalogueCodes.SERVICE_PROFILE);
		assertThat(CatalogueResources.price(read).getValue()).isEqualByComparingTo("1500");

		assertThat(search("ActivityDefinition?identifier=" + CatalogueCodes.SERVICE_CODE + "|" + code)).hasSize(1);
		assertThat(search("ActivityDefinition?title=wound%20dressing%20" + code)).hasSize(1);
		assertThat(search("ActivityDefinition?identifier=" + CatalogueCodes.SERVICE_CODE + "|" + code + "&effective=ge2026-01-01")).hasSize(1);
		assertThat(search("ActivityDefinition?identifier=" + CatalogueCodes.SERVICE_CODE + "|" + code + "&effective=lt2025-12-31")).isEmpty();
	}

	@Test
	void priceChangeKeepsTheOldPriceReadableInTheHistory() {
		String code = CatalogueFixtures.code("H");
		IdType id = (IdType) client.create().resource(CatalogueFixtures.service(code, "Consultation " + code, 1000)).execute().getId();
		ActivityDefinition changed = CatalogueFixtures.service(code, "Consultation " + code, 1200);
		changed.setId(id.toUnqualifiedVersionless());
		changed.getEffectivePeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-07-01"));
		client.update().resource(changed).execute();

		Bundle history = client.history().onInstance(id.toUnqualifiedVersionless()).returnBundle(Bundle.class).execute();
		List<ActivityDefinition> versions = history.getEntry().stream().map(e -> (ActivityDefinition) e.getResource()).toList();
		assertThat(versions).hasSize(2);
		ActivityDefinition validOnMarchFirst = PriceHistory.versionValidOn(versions, java.time.LocalDate.of(2026, 3, 1)).orElseThrow();
		ActivityDefinition validInAugust = PriceHistory.versionValidOn(versions, java.time.LocalDate.of(2026, 8, 1)).orElseThrow();
		assertThat(CatalogueResources.price(validOnMarchFirst).getValue()).isEqualByComparingTo("1000");
		assertThat(CatalogueResources.price(validInAugust).getValue()).isEqualByComparingTo("1200");
	}

	@Test
	void itemIsCreatedUpdatedAndFoundByCodeAndName() {
		String code = CatalogueFixtures.code("I");
		IdType id = (IdType) client.create().resource(CatalogueFixtures.item(code, "QUININE " + code, 250)).execute().getId();
		Medication item = client.read().resource(Medication.class).withId(id.toUnqualifiedVersionless()).execute();
		CatalogueResources.price(item).setValue(new BigDecimal("300"));
		client.update().resource(item).execute();

		Medication read = client.read().resource(Medication.class).withId(id.toUnqualifiedVersionless()).execute();
		assertThat(read.getMeta().getVersionId()).isEqualTo("2");
		assertThat(CatalogueResources.price(read).getValue()).isEqualByComparingTo("300");
		assertThat(search("Medication?identifier=" + CatalogueCodes.ITEM_CODE + "|" + code)).hasSize(1);
		assertThat(search("Medication?name=quinine%20" + code)).hasSize(1);
		assertThat(search("Medication?identifier=" + CatalogueCodes.ITEM_CODE + "|" + code + "&effective=le2026-06-01")).hasSize(1);
	}

	@Test
	void secondServiceOrItemWithTheSameCodeIsRefusedWith409Duplicate() throws Exception {
		String code = CatalogueFixtures.code("D");
		client.create().resource(CatalogueFixtures.service(code, "First", 100)).execute();
		client.create().resource(CatalogueFixtures.item(code, "SAME CODE AS A SERVICE IS FINE", 100)).execute();

		HttpResponse<String> service = postJson("/fhir/ActivityDefinition", json(CatalogueFixtures.service(code, "Second", 100)));
		HttpResponse<String> item = postJson("/fhir/Medication", json(CatalogueFixtures.item(code, "SECOND", 100)));

		assertThat(service.statusCode()).isEqualTo(409);
		assertThat(firstCode(service)).isEqualTo("duplicate");
		assertThat(item.statusCode()).isEqualTo(409);
		assertThat(firstCode(item)).isEqualTo("duplicate");
	}

	@Test
	void codeLongerThanTheMaximumIsRefusedWithAPreciseBilingualReason() throws Exception {
		HttpResponse<String> french = postJson("/fhir/ActivityDefinition",
				json(CatalogueFixtures.service("ABCDEFG", "Too long", 100)), "Accept-Language", "fr");
		HttpResponse<String> english = postJson("/fhir/Medication", json(CatalogueFixtures.item("ABCDEFG", "TOO LONG", 100)));

		assertThat(french.statusCode()).isEqualTo(422);
		OperationOutcome outcome = parse(french);
		List<Coding> codings = outcome.getIssueFirstRep().getDetails().getCoding();
		assertThat(codings).extracting(Coding::getCode).containsExactly("business-rule", "code-too-long");
		assertThat(codings.get(1).getSystem()).isEqualTo("https://imis-fhir.org/fhir/CodeSystem/imis-catalogue-error");
		assertThat(outcome.getIssueFirstRep().getDetails().getText())
				.isEqualTo("Le code « ABCDEFG » compte 7 caractères ; un code d'acte ou de médicament en compte au plus 6.");
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(parse(english).getIssueFirstRep().getDetails().getText())
				.isEqualTo("The code \"ABCDEFG\" has 7 characters; a service or item code has at most 6.");
	}

	@Test
	void serviceOrItemBreakingItsProfileIsRefusedWith422() {
		ActivityDefinition withoutPrice = CatalogueFixtures.service(CatalogueFixtures.code("P"), "No price", 100);
		withoutPrice.getExtension().removeIf(e -> e.getUrl().equals(CatalogueCodes.UNIT_PRICE));
		Medication withoutType = CatalogueFixtures.item(CatalogueFixtures.code("P"), "NO TYPE", 100);
		withoutType.getExtension().removeIf(e -> e.getUrl().equals(CatalogueCodes.ITEM_TYPE));
		ActivityDefinition contentsOnASimpleService = CatalogueFixtures.service(CatalogueFixtures.code("P"), "Simple", 100);
		contentsOnASimpleService.addExtension().setUrl(CatalogueCodes.PACKAGE_CONTENT)
				.addExtension("quantity", new org.hl7.fhir.r4.model.DecimalType(1));

		assertThatThrownBy(() -> client.create().resource(withoutPrice).execute()).isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("svc-2");
		assertThatThrownBy(() -> client.create().resource(withoutType).execute()).isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("itm-4");
		assertThatThrownBy(() -> client.create().resource(contentsOnASimpleService).execute())
				.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("svc-6");
	}

	@Test
	void demoCatalogueIsLoaded() {
		ActivityDefinition delivery = client.read().resource(ActivityDefinition.class).withId("svc-C11").execute();
		Medication aspirin = client.read().resource(Medication.class).withId("itm-0001").execute();

		assertThat(delivery.getTitle()).isEqualTo("Normal delivery");
		assertThat(aspirin.getCode().getText()).isEqualTo("ACETYLSALICYLIC ACID 300MG");
	}

	private List<Bundle.BundleEntryComponent> search(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry();
	}

	private String json(org.hl7.fhir.r4.model.Resource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private OperationOutcome parse(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	private String firstCode(HttpResponse<String> response) {
		return parse(response).getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
	}
}
