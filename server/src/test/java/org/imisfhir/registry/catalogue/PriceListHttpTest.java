package org.imisfhir.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UsageContext;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** Price lists (ChargeItemDefinition) and the facility-scoped query of what may be claimed. */
class PriceListHttpTest extends HttpTestBase {

	@Test
	void servicesAFacilityMayClaimAreThoseOfTheListsOfItsLocation() {
		String district = client.create().resource(Fixtures.location(unique("D"), "Test district", "D", "Location/loc-r1"))
				.execute().getId().toUnqualifiedVersionless().getValue();
		String listed = serviceId(CatalogueFixtures.code("L"));
		String other = serviceId(CatalogueFixtures.code("O"));
		IdType list = (IdType) client.create().resource(priceList("service", district, listed)).execute().getId();

		List<String> claimable = ids("ActivityDefinition?_has:ChargeItemDefinition:entry:scope=" + district);
		List<String> one = ids("ActivityDefinition?_id=" + new IdType(listed).getIdPart() + "&_has:ChargeItemDefinition:entry:scope=" + district);
		List<String> none = ids("ActivityDefinition?_id=" + new IdType(other).getIdPart() + "&_has:ChargeItemDefinition:entry:scope=" + district);

		assertThat(claimable).containsExactly(listed);
		assertThat(one).containsExactly(listed);
		assertThat(none).isEmpty();
		assertThat(ids("ChargeItemDefinition?scope=" + district + "&entry=" + listed)).containsExactly(list.toUnqualifiedVersionless().getValue());
	}

	@Test
	void demoPriceListsAnswerTheFacilityQueryForServicesAndItems() {
		List<String> services = ids("ActivityDefinition?_has:ChargeItemDefinition:entry:scope=Location/loc-r1d1&_count=200");
		List<String> items = ids("Medication?_has:ChargeItemDefinition:entry:scope=Location/loc-r1d1&_count=200");

		assertThat(services).contains("ActivityDefinition/svc-C1", "ActivityDefinition/svc-C11").hasSizeGreaterThan(50);
		// The demo item list holds 201 entries: one page of 200 cannot show them all, so ask for itm-0001 itself
		assertThat(items).hasSizeGreaterThan(150).allMatch(id -> id.startsWith("Medication/"));
		assertThat(ids("Medication?_id=itm-0001&_has:ChargeItemDefinition:entry:scope=Location/loc-r1d1"))
				.containsExactly("Medication/itm-0001");
	}

	@Test
	void priceListWithoutScopeOrWithANegativeOverruleIsRefused() {
		String service = serviceId(CatalogueFixtures.code("X"));
		ChargeItemDefinition withoutScope = priceList("service", "Location/loc-r1d1", service);
		withoutScope.getUseContext().clear();
		ChargeItemDefinition negative = priceList("service", "Location/loc-r1d1", service);
		negative.getPropertyGroupFirstRep().addPriceComponent()
				.setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE)
				.setAmount(CatalogueResources.money(java.math.BigDecimal.valueOf(-1), "XAF"));

		assertThatThrownBy(() -> client.create().resource(withoutScope).execute())
				.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("pl-1");
		assertThatThrownBy(() -> client.create().resource(negative).execute())
				.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("pl-3");
	}

	private String serviceId(String code) {
		return client.create().resource(CatalogueFixtures.service(code, "Service " + code, 100)).execute()
				.getId().toUnqualifiedVersionless().getValue();
	}

	static ChargeItemDefinition priceList(String kind, String scope, String... entries) {
		ChargeItemDefinition list = new ChargeItemDefinition();
		String code = unique("PL");
		list.setUrl("https://imis-fhir.org/fhir/price-list/" + code);
		list.addIdentifier().setSystem(CatalogueStore.PRICE_LIST_CODE).setValue(code);
		list.setTitle("List " + code);
		list.setStatus(PublicationStatus.ACTIVE);
		list.setEffectivePeriod(new Period().setStartElement(new DateTimeType("2026-01-01")));
		list.getCode().addCoding(new Coding(CatalogueCodes.PRICE_LIST_KIND_SYSTEM, kind, null));
		list.addUseContext(new UsageContext(new Coding(CatalogueCodes.USAGE_CONTEXT_TYPE, "venue", null), new Reference(scope)));
		for (String entry : entries) {
			list.addPropertyGroup().addExtension(CatalogueCodes.PRICE_LIST_ENTRY, new Reference(entry));
		}
		return list;
	}

	private List<String> ids(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}
}
