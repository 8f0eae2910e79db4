package org.imisfhir.registry.product;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProductHttpTest extends HttpTestBase {

	private static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-insurance-plan";
	private static final String PRODUCT_ERRORS = "https://imis-fhir.org/fhir/CodeSystem/imis-product-error";

	/** A product code of 8 characters no other test uses. */
	private static String productCode() {
		return unique("P").substring(0, 8);
	}

	@Test
	void demoProductsAreLoaded() {
		InsurancePlan fixedCycle = client.read().resource(InsurancePlan.class).withId(ProductFixtures.FIXED_CYCLE).execute();
		Bundle byCode = search("identifier=" + InsurancePlanMapper.PRODUCT_CODE + "|FCUL0001");

		assertThat(fixedCycle.getName()).isEqualTo("Fixed Cycle Cover Ultha");
		assertThat(fixedCycle.getMeta().getProfile()).extracting(p -> p.getValue()).contains(PROFILE);
		assertThat(InsurancePlanMapper.toProduct(fixedCycle).startCycles()).containsExactly("01-06", "01-11");
		assertThat(byCode.getEntry()).hasSize(1);
		assertThat(search("_id=" + ProductFixtures.PER_MEMBER + "," + ProductFixtures.RELATIVE).getEntry()).hasSize(2);
	}

	@Test
	void productIsCreatedReadUpdatedAndFound() {
		String code = productCode();
		InsurancePlan plan = ProductFixtures.copyOf(ProductFixtures.FIXED_CYCLE, code);
		plan.setName("Santé Élargie " + code);

		MethodOutcome created = client.create().resource(plan).execute();
		InsurancePlan read = client.read().resource(InsurancePlan.class).withId(created.getId().toUnqualifiedVersionless()).execute();
		read.setName("Santé Élargie " + code + " bis");
		MethodOutcome updated = client.update().resource(read).execute();

		assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(code);
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
		// name: accent- and case-insensitive, from the start of the name
		assertThat(search("name=sante%20elargie&identifier=" + code).getEntry()).hasSize(1);
		assertThat(search("coverage-area=Location/loc-r2&identifier=" + code).getEntry()).hasSize(1);
		assertThat(search("coverage-area=Location/loc-r1&identifier=" + code).getEntry()).isEmpty();
		// valid on a date: the period starts on or before it and ends on or after it
		assertThat(search("period=le2025-06-30&period=ge2025-06-30&identifier=" + code).getEntry()).hasSize(1);
		assertThat(search("period=le2035-06-30&period=ge2035-06-30&identifier=" + code).getEntry()).isEmpty();
	}

	@Test
	void nationalProductsAreThoseWithoutCoverageArea() {
		Bundle national = search("coverage-area:missing=true&identifier=RPNA0001");

		assertThat(national.getEntry()).hasSize(1);
	}

	@Test
	void secondProductWithTheSameCodeIsRefusedWith409Duplicate() throws Exception {
		String code = productCode();
		client.create().resource(ProductFixtures.copyOf(ProductFixtures.PER_MEMBER, code)).execute();

		HttpResponse<String> response = post(ProductFixtures.copyOf(ProductFixtures.PER_MEMBER, code), "en");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("duplicate");
		assertThat(search("identifier=" + code).getEntry()).hasSize(1);
	}

	static Stream<Arguments> contradictions() {
		return Stream.of(
				Arguments.of("product-dates-reversed", "La validité du produit se termine",
						(Consumer<InsurancePlan>) plan -> plan.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2018-12-31"))),
				Arguments.of("product-threshold-above-max-members", "Le seuil (11 membres",
						(Consumer<InsurancePlan>) plan -> plan.getPlanFirstRep().getGeneralCostFirstRep().setGroupSize(11)),
				Arguments.of("product-too-many-start-cycles", "Le produit a 5 cycles",
						(Consumer<InsurancePlan>) plan -> List.of("01-01", "01-02", "01-03").forEach(cycle ->
								plan.addExtension(InsurancePlanMapper.EXT_START_CYCLE, new StringType(cycle)))),
				Arguments.of("product-invalid-start-cycle", "Le cycle de démarrage 31-02",
						(Consumer<InsurancePlan>) plan -> plan.addExtension(InsurancePlanMapper.EXT_START_CYCLE, new StringType("31-02"))),
				Arguments.of("product-negative-amount", "Le champ premium_adult du produit est négatif",
						(Consumer<InsurancePlan>) plan -> plan.getPlanFirstRep().getGeneralCost().get(1).getCost().setValue(new BigDecimal("-4000"))),
				Arguments.of("product-conversion-to-itself", "Le produit de conversion",
						(Consumer<InsurancePlan>) plan -> plan.addExtension(new Extension(InsurancePlanMapper.EXT_CONVERSION,
								new Reference().setIdentifier(plan.getIdentifierFirstRep().copy())))),
				Arguments.of("product-insurance-period-missing", "La période d'assurance doit être d'au moins un mois",
						(Consumer<InsurancePlan>) plan -> plan.getCoverageFirstRep().getBenefitFirstRep().getLimitFirstRep().getValue().setValue(0)),
				Arguments.of("product-percentage-above-100", "Le champ share_contribution du produit est un pourcentage supérieur à 100",
						(Consumer<InsurancePlan>) plan -> plan.addExtension().setUrl(InsurancePlanMapper.EXT_CAPITATION)
								.addExtension("share", new org.hl7.fhir.r4.model.DecimalType("120"))),
				Arguments.of("product-capitation-weights", "Les poids de la capitation totalisent 90",
						(Consumer<InsurancePlan>) plan -> plan.addExtension().setUrl(InsurancePlanMapper.EXT_CAPITATION)
								.addExtension("weightPopulation", new org.hl7.fhir.r4.model.DecimalType("90"))),
				Arguments.of("product-code-too-long", "Le code de produit",
						(Consumer<InsurancePlan>) plan -> plan.getIdentifierFirstRep().setValue(plan.getIdentifierFirstRep().getValue() + "XYZ")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contradictions")
	void contradictoryProductIsRefusedWith422AndItsOwnCode(String code, String frenchStart, Consumer<InsurancePlan> breakIt) throws Exception {
		String productCode = productCode();
		InsurancePlan plan = ProductFixtures.copyOf(ProductFixtures.FIXED_CYCLE, productCode);
		breakIt.accept(plan);

		HttpResponse<String> response = post(plan, "fr");

		OperationOutcome outcome = parse(response);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome.getIssueFirstRep().getDetails().getCoding()).extracting(c -> c.getSystem() + "#" + c.getCode())
				.contains("https://imis-fhir.org/fhir/CodeSystem/imis-error#business-rule", PRODUCT_ERRORS + "#" + code);
		assertThat(outcome.getIssueFirstRep().getDetails().getText()).startsWith(frenchStart);
		assertThat(search("identifier=" + plan.getIdentifierFirstRep().getValue()).getEntry()).isEmpty();
	}

	@Test
	void contradictoryUpdateIsRefusedAndTheProductKeepsItsVersion() throws Exception {
		String code = productCode();
		MethodOutcome created = client.create().resource(ProductFixtures.copyOf(ProductFixtures.PER_MEMBER, code)).execute();
		InsurancePlan plan = client.read().resource(InsurancePlan.class).withId(created.getId().toUnqualifiedVersionless()).execute();
		plan.getPlanFirstRep().getGeneralCostFirstRep().getCost().setValue(new BigDecimal("-1"));

		HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
						java.net.URI.create(baseUrl() + "/InsurancePlan/" + plan.getIdElement().getIdPart()))
				.header("Content-Type", "application/fhir+json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(plan)))
				.build());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCoding()).extracting(c -> c.getCode())
				.contains("product-negative-amount");
		assertThat(client.read().resource(InsurancePlan.class).withId(plan.getIdElement().toUnqualifiedVersionless())
				.execute().getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void transactionWithOneContradictoryProductWritesNothing() throws Exception {
		String goodCode = productCode();
		String badCode = productCode();
		InsurancePlan bad = ProductFixtures.copyOf(ProductFixtures.FIXED_CYCLE, badCode);
		bad.addExtension(InsurancePlanMapper.EXT_START_CYCLE, new StringType("32-01"));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(ProductFixtures.copyOf(ProductFixtures.FIXED_CYCLE, goodCode))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("InsurancePlan");
		transaction.addEntry().setResource(bad).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("InsurancePlan");

		HttpResponse<String> response = postJson("/fhir", fhirContext.newJsonParser().encodeResourceToString(transaction));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCoding()).extracting(c -> c.getCode())
				.contains("product-invalid-start-cycle");
		assertThat(search("identifier=" + goodCode + "," + badCode).getEntry()).isEmpty();
	}

	@Test
	void relativeProductWithoutAShareForEveryMonthIsRefused() throws Exception {
		InsurancePlan plan = ProductFixtures.copyOf(ProductFixtures.RELATIVE, productCode());
		plan.getExtension().removeIf(extension -> extension.getUrl().equals(InsurancePlanMapper.EXT_RELATIVE_DISTRIBUTION)
				&& "12".equals(extension.getExtensionByUrl("period").getValue().primitiveValue()));

		HttpResponse<String> response = post(plan, "en");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(parse(response).getIssueFirstRep().getDetails().getCoding()).extracting(c -> c.getCode())
				.contains("product-distribution-missing-period");
		assertThat(parse(response).getIssueFirstRep().getDetails().getText())
				.isEqualTo("The relative-price distribution of care type B (periods M) misses a period: no share for M period 12 of care type B.");
	}

	/** The request of docs/registries/products.md: refused as written, created once its end date is fixed. */
	@Test
	void documentedExampleIsRefusedThenCreated() throws Exception {
		String code = productCode();
		String example = DOCUMENTED_EXAMPLE.replace("FCUL0002", code);

		HttpResponse<String> refused = postJson("/fhir/InsurancePlan", example, "Accept-Language", "fr");
		HttpResponse<String> created = postJson("/fhir/InsurancePlan", example.replace("\"end\": \"2025-12-31\"", "\"end\": \"2030-12-31\""));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(parse(refused).getIssueFirstRep().getDetails().getText())
				.isEqualTo("La validité du produit se termine (2025-12-31) avant de commencer (2026-01-01).");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(search("name=fixed%20cycle&coverage-area=Location/loc-r2&period=le2026-06-30&period=ge2026-06-30&identifier=" + code)
				.getEntry()).hasSize(1);
	}

	private static final String DOCUMENTED_EXAMPLE = """
			{
			  "resourceType": "InsurancePlan",
			  "extension": [
			    { "url": "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-start-cycle", "valueString": "01-06" },
			    { "url": "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-start-cycle", "valueString": "01-11" },
			    { "url": "https://imis-fhir.org/fhir/StructureDefinition/product-periods",
			      "extension": [ { "url": "gracePeriodEnrolment", "valueUnsignedInt": 1 }, { "url": "gracePeriodRenewal", "valueUnsignedInt": 1 } ] }
			  ],
			  "identifier": [ { "system": "https://imis-fhir.org/fhir/sid/product-code", "value": "FCUL0002" } ],
			  "status": "active",
			  "name": "Fixed Cycle Cover Ultha 2",
			  "period": { "start": "2026-01-01", "end": "2025-12-31" },
			  "coverageArea": [ { "reference": "Location/loc-r2" } ],
			  "coverage": [ {
			    "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/insurance-plan-type", "code": "medical" } ] },
			    "benefit": [ {
			      "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/insurance-plan-type", "code": "medical" } ] },
			      "limit": [ { "value": { "value": 12, "unit": "month" },
			        "code": { "coding": [ { "system": "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-coverage-benefit-limit", "code": "period" } ] } } ]
			    } ]
			  } ],
			  "plan": [ { "generalCost": [
			    { "type": { "coding": [ { "system": "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-general-cost-type", "code": "premiumAdult" } ] }, "cost": { "value": 4000 } },
			    { "type": { "coding": [ { "system": "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-general-cost-type", "code": "premiumChild" } ] }, "cost": { "value": 4000 } }
			  ] } ]
			}
			""";

	private Bundle search(String query) {
		return client.search().byUrl("InsurancePlan?" + query).returnBundle(Bundle.class).execute();
	}

	private HttpResponse<String> post(InsurancePlan plan, String language) throws Exception {
		return postJson("/fhir/InsurancePlan", fhirContext.newJsonParser().encodeResourceToString(plan), "Accept-Language", language);
	}

	private OperationOutcome parse(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}
}
