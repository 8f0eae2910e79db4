package org.imisfhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.registry.catalogue.CatalogueResources;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The validator module used on write keeps its built validators, and gives, validation after validation, exactly
 * the messages of HAPI's instance validator module, which builds a new validator every time.
 */
class ReusingInstanceValidatorHttpTest extends HttpTestBase {

	private static final String LOCATION_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-location";
	private static final String SERVICE_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-medical-service";
	private static final String ITEM_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-medical-item";
	private static final String PRICE_LIST_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-price-list";
	private static final String INSUREE_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-insuree";

	@Autowired
	@Qualifier("myInstanceValidator")
	IInstanceValidatorModule hapiModule;

	@Autowired
	ca.uhn.fhir.jpa.api.dao.DaoRegistry daos;

	@Test
	void onlyTheServersTrustedRewritesSkipTheProfiles() {
		// an insuree without the required birth date breaks its profile (and no business rule)
		Patient broken = Fixtures.insuree("T" + java.util.UUID.randomUUID().toString().substring(0, 7), "Ngo", "Awa", "female",
				"1990-01-01", true, null);
		broken.setBirthDate(null);
		var dao = daos.getResourceDao(Patient.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> dao.create(broken.copy(), new ca.uhn.fhir.rest.api.server.SystemRequestDetails()))
				.as("an ordinary system write is validated").isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.create().resource(broken.copy()).execute())
				.as("a client's write is validated").isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class);
		String id = dao.create(broken.copy(), TrustedServerWrite.request()).getId().toUnqualifiedVersionless().getValue();
		assertThat(id).as("a trusted rewrite is not validated again").startsWith("Patient/");
		assertThat(dao.read(new org.hl7.fhir.r4.model.IdType(id), new ca.uhn.fhir.rest.api.server.SystemRequestDetails())
				.getMeta().hasProfile(INSUREE_PROFILE)).as("its required profile is still declared").isTrue();
		dao.delete(new org.hl7.fhir.r4.model.IdType(id), new ca.uhn.fhir.rest.api.server.SystemRequestDetails());
	}

	@Test
	void givesTheMessagesOfHapisModuleOnEveryReuse() {
		FhirValidator hapi = fhirContext.newValidator();
		hapi.registerValidatorModule(hapiModule);
		ReusingInstanceValidator reusing = ReusingInstanceValidator.like((FhirInstanceValidator) hapiModule, 1000, 1);
		FhirValidator reused = fhirContext.newValidator();
		reused.registerValidatorModule(reusing);
		List<Resource> resources = resources();

		int errors = 0;
		for (int round = 0; round < 3; round++) {
			for (Resource resource : resources) {
				List<String> expected = messages(hapi, resource);
				List<String> actual = messages(reused, resource);
				assertThat(actual).as("%s, round %d", resource.fhirType(), round).isEqualTo(expected);
				errors += (int) expected.stream().filter(m -> m.startsWith("ERROR") || m.startsWith("FATAL")).count();
			}
		}

		assertThat(errors).as("the sample holds invalid resources").isGreaterThan(0);
		assertThat(reusing.validationCount()).isEqualTo(3L * resources.size());
		assertThat(reusing.builtCount()).isEqualTo(ReusingInstanceValidator.reuseSupported() ? 1 : 3L * resources.size());
	}

	@Test
	void buildsAgainAfterMaxUsesAndAfterCacheInvalidation() {
		ReusingInstanceValidator reusing = ReusingInstanceValidator.like((FhirInstanceValidator) hapiModule, 2, 1);
		FhirValidator validator = fhirContext.newValidator();
		validator.registerValidatorModule(reusing);
		Location location = Fixtures.location("RV1", "Reuse", "R", null);
		location.getMeta().addProfile(LOCATION_PROFILE);

		for (int i = 0; i < 4; i++) {
			validator.validateWithResult(location.copy());
		}
		assertThat(reusing.builtCount()).isEqualTo(2);
		reusing.invalidateCaches();
		validator.validateWithResult(location.copy());
		assertThat(reusing.builtCount()).isEqualTo(3);
	}

	private static List<String> messages(FhirValidator validator, Resource resource) {
		List<String> out = new ArrayList<>();
		for (SingleValidationMessage m : validator.validateWithResult(resource.copy()).getMessages()) {
			out.add(m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage()
					+ " " + m.getSliceMessages());
		}
		return out;
	}

	private static List<Resource> resources() {
		List<Resource> resources = new ArrayList<>();
		Location region = Fixtures.location("RV1", "Reuse region", "R", null);
		region.getMeta().addProfile(LOCATION_PROFILE);
		resources.add(region);
		Location badType = Fixtures.location("RV2", "Bad level", "Z", null);
		badType.getMeta().addProfile(LOCATION_PROFILE);
		resources.add(badType);
		Location unknownProfile = Fixtures.location("RV3", "Unknown profile", "R", null);
		unknownProfile.getMeta().addProfile("https://imis-fhir.org/fhir/StructureDefinition/no-such-profile");
		resources.add(unknownProfile);
		Location noProfile = Fixtures.location("RV4", "No profile", "D", "Location/nowhere");
		resources.add(noProfile);

		ActivityDefinition service = CatalogueResources.service(new CatalogueResources.ServiceFields(
				"RV1", "Consultation", "C", "C", "S", "B", 30, 15, BigDecimal.valueOf(1500), "XAF", "S", "2026-01-01"));
		service.getMeta().addProfile(SERVICE_PROFILE);
		resources.add(service);
		ActivityDefinition noPrice = service.copy();
		noPrice.getExtension().removeIf(e -> e.getUrl().endsWith("unit-price"));
		resources.add(noPrice);
		ActivityDefinition packageContents = service.copy();
		packageContents.addExtension("https://imis-fhir.org/fhir/StructureDefinition/service-package-content",
				new Reference("ActivityDefinition/nowhere"));
		resources.add(packageContents);

		Medication item = CatalogueResources.item(new CatalogueResources.ItemFields(
				"RV1", "Paracetamol", "D", "1x100", BigDecimal.valueOf(200), "XAF", "O", null, 4, "2026-01-01"));
		item.getMeta().addProfile(ITEM_PROFILE);
		resources.add(item);

		ChargeItemDefinition list = new ChargeItemDefinition();
		list.getMeta().addProfile(PRICE_LIST_PROFILE);
		list.setUrl("https://imis-fhir.org/fhir/price-list/RV1");
		list.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		list.addPropertyGroup().addExtension("https://imis-fhir.org/fhir/StructureDefinition/price-list-entry",
				new Reference("ActivityDefinition/nowhere"));
		resources.add(list);

		Patient insuree = Fixtures.insuree("RV000001", "Reuse", "Amina", "female", "1990-05-17", true, null);
		insuree.getMeta().addProfile(INSUREE_PROFILE);
		resources.add(insuree);
		Patient member = Fixtures.insuree("RV000002", "Reuse", "Ali", "male", "2031-02-01", false, "9");
		member.getMeta().addProfile(INSUREE_PROFILE);
		resources.add(member);
		return resources;
	}
}
