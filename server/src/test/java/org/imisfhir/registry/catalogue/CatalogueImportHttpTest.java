package org.imisfhir.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** $import-catalogue: per-row report, idempotency, refusals with reasons. */
class CatalogueImportHttpTest extends HttpTestBase {

	@Autowired
	IInterceptorService interceptors;

	@Test
	void servicesCsvIsImportedAndReimportingItChangesNothing() {
		String a = CatalogueFixtures.code("A");
		String b = CatalogueFixtures.code("B");
		String csv = "code,name,type,category,level,care_type,frequency,patient_category,price,package_type,valid_from\n"
				+ a + ",Transport Rapta - Jamboro,C,O,S,O,,15,2500,S,2026-01-01\n"
				+ b + ",\"Transport Rajo, Uptol\",C,O,S,B,30,4,3000.50,S,2026-01-01\n"
				+ "TOOLONG1,Transport too long,C,O,S,B,,15,100,S,2026-01-01\n"
				+ CatalogueFixtures.code("N") + ",Negative price,C,O,S,B,,15,-5,S,2026-01-01\n";

		Parameters first = importCsv("service", csv);
		Parameters second = importCsv("service", csv);

		assertThat(counts(first)).containsEntry("created", 2).containsEntry("refused", 2).containsEntry("unchanged", 0);
		assertThat(counts(second)).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2)
				.containsEntry("refused", 2);
		List<Parameters.ParametersParameterComponent> rows = rows(first);
		assertThat(part(rows.get(0), "outcome")).isEqualTo("created");
		assertThat(part(rows.get(0), "resource")).isEqualTo("ActivityDefinition/svc-" + a);
		assertThat(part(rows.get(2), "line")).isEqualTo("4");
		assertThat(part(rows.get(2), "reason")).contains("TOOLONG1").contains("at most 6");
		assertThat(part(rows.get(3), "reason")).isEqualTo("Row 5: the value \"-5\" of column price is not valid.");
		ActivityDefinition stored = client.read().resource(ActivityDefinition.class).withId("svc-" + b).execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.getTitle()).isEqualTo("Transport Rajo, Uptol");
		assertThat(CatalogueResources.price(stored).getValue()).isEqualByComparingTo("3000.50");
	}

	@Test
	void changedRowUpdatesTheServiceAndKeepsItsHistory() {
		String code = CatalogueFixtures.code("U");
		String header = "code;name;price;valid_from\n";
		importCsv("service", header + code + ";Transport;1000;2026-01-01\n");

		Parameters changed = importCsv("service", header + code + ";Transport;1100;2026-07-01\n");

		assertThat(counts(changed)).containsEntry("updated", 1);
		ActivityDefinition stored = client.read().resource(ActivityDefinition.class).withId("svc-" + code).execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
		assertThat(CatalogueResources.price(stored).getValue()).isEqualByComparingTo("1100");
	}

	@Test
	void chunksOfALargeFileAreWrittenSideBySideAndReportedInFileOrder() {
		// 250 distinct codes: chunks of 100, 100 and 50 written by two threads; one bad price on line 202
		String prefix = CatalogueFixtures.code("P").substring(0, 3);
		StringBuilder csv = new StringBuilder("code;name;price\n");
		for (int i = 0; i < 250; i++) {
			csv.append(prefix).append(String.format("%03d", i)).append(";Transport ").append(i).append(';')
					.append(i == 200 ? "-1" : String.valueOf(1000 + i)).append('\n');
		}
		Parameters first = importCsv("service", csv.toString());
		assertThat(counts(first)).containsEntry("created", 249).containsEntry("refused", 1);
		List<String> lines = rows(first).stream().map(r -> part(r, "line")).toList();
		assertThat(lines).hasSize(250).isEqualTo(java.util.stream.IntStream.rangeClosed(2, 251).mapToObj(String::valueOf).toList());
		assertThat(part(rows(first).get(200), "outcome")).isEqualTo("refused");
		assertThat(CatalogueResources.price(client.read().resource(ActivityDefinition.class).withId("svc-" + prefix + "249").execute())
				.getValue()).isEqualByComparingTo("1249");

		Parameters again = importCsv("service", csv.toString());
		assertThat(counts(again)).containsEntry("unchanged", 249).containsEntry("refused", 1).containsEntry("created", 0);
	}

	@Test
	void aValidToEndsTheServiceOrItemAndMayNotComeBeforeItsStart() {
		String service = CatalogueFixtures.code("E");
		String item = CatalogueFixtures.code("F");
		importCsv("service", "code;name;price;valid_from\n" + service + ";Transport;1000;2026-01-01\n");

		// ended on 2026-06-30: the last day it may be claimed; the earlier version keeps it open in the history
		Parameters ended = importCsv("service", "code;name;price;valid_from;valid_to\n" + service + ";Transport;1000;2026-01-01;2026-06-30\n");
		assertThat(counts(ended)).containsEntry("updated", 1);
		ActivityDefinition stored = client.read().resource(ActivityDefinition.class).withId("svc-" + service).execute();
		assertThat(stored.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.RETIRED);
		assertThat(stored.getEffectivePeriod().getEndElement().getValueAsString()).startsWith("2026-06-30");

		Parameters items = importCsv("item", "code;name;price;valid_from;valid_to\n" + item + ";Gauze;50;2026-01-01;2026-03-31\n");
		assertThat(counts(items)).containsEntry("created", 1);
		org.hl7.fhir.r4.model.Medication medication = client.read().resource(org.hl7.fhir.r4.model.Medication.class).withId("itm-" + item).execute();
		assertThat(medication.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Medication.MedicationStatus.INACTIVE);

		Parameters reversed = importCsv("service", "code;name;price;valid_from;valid_to\n" + CatalogueFixtures.code("G") + ";Transport;1000;2026-05-01;2026-04-30\n");
		assertThat(counts(reversed)).containsEntry("refused", 1).containsEntry("created", 0);
	}

	@Test
	void itemsAndPriceListsAreImportedWithUnknownCodesRefused() {
		String item = CatalogueFixtures.code("M");
		Parameters items = importCsv("item", "code,name,type,package,price,care_type\n" + item + ",PARACETAMOL 1G,D,1x10,75,B\n");
		String list = unique("PL");
		String csv = "list_code,list_name,kind,location_code,valid_from,code,price_overrule\n"
				+ list + ",Items Rapta test,item,R1D1,2026-01-01," + item + ",80\n"
				+ list + ",Items Rapta test,item,R1D1,2026-01-01,0001,\n"
				+ list + ",Items Rapta test,item,R1D1,2026-01-01,ZZZZZZ,\n";

		Parameters first = importCsv("price-list", csv);
		Parameters again = importCsv("price-list", csv);

		assertThat(counts(items)).containsEntry("created", 1);
		assertThat(counts(first)).containsEntry("created", 2).containsEntry("refused", 1);
		assertThat(part(rows(first).get(2), "reason")).isEqualTo("Row 4: no item has the code \"ZZZZZZ\".");
		assertThat(counts(again)).containsEntry("unchanged", 2).containsEntry("refused", 1);
		ChargeItemDefinition stored = client.read().resource(ChargeItemDefinition.class)
				.withId(part(rows(first).get(0), "resource")).execute();
		assertThat(stored.getPropertyGroup()).hasSize(2);
		assertThat(stored.getPropertyGroupFirstRep().getPriceComponentFirstRep().getAmount().getValue()).isEqualByComparingTo("80");
	}

	@Test
	void bundleOfServicesAndItemsIsImportedIdempotently() {
		String service = CatalogueFixtures.code("V");
		String item = CatalogueFixtures.code("W");
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.addEntry().setResource(CatalogueFixtures.service(service, "Bundle service", 700));
		bundle.addEntry().setResource(CatalogueFixtures.item(item, "BUNDLE ITEM", 70));

		Parameters first = importBundle(bundle);
		Parameters second = importBundle(bundle);

		assertThat(counts(first)).containsEntry("created", 2);
		assertThat(counts(second)).containsEntry("unchanged", 2).containsEntry("created", 0);
		assertThat(client.read().resource(Medication.class).withId("itm-" + item).execute().getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void aRowRefusedOnWriteDoesNotStopTheOthersOfItsChunk() {
		List<String> codes = java.util.stream.IntStream.range(0, 7).mapToObj(i -> CatalogueFixtures.code("K")).toList();
		StringBuilder csv = new StringBuilder("code,name,price\n");
		for (int i = 0; i < codes.size(); i++) {
			csv.append(codes.get(i)).append(i == 1 || i == 5 ? ",Refused on write," : ",Chunk row,").append(100 + i).append('\n');
		}
		Object refuser = new RefuseTitle("Refused on write");
		interceptors.registerInterceptor(refuser);
		Parameters first;
		Parameters again;
		try {
			first = importCsv("service", csv.toString());
			again = importCsv("service", csv.toString());
		} finally {
			interceptors.unregisterInterceptor(refuser);
		}

		assertThat(counts(first)).containsEntry("created", 5).containsEntry("refused", 2);
		assertThat(rows(first).stream().map(r -> part(r, "line")).toList()).containsExactly("2", "3", "4", "5", "6", "7", "8");
		assertThat(part(rows(first).get(1), "outcome")).isEqualTo("refused");
		assertThat(part(rows(first).get(1), "reason")).contains("test refusal");
		assertThat(part(rows(first).get(5), "outcome")).isEqualTo("refused");
		assertThat(counts(again)).containsEntry("unchanged", 5).containsEntry("refused", 2).containsEntry("created", 0);
		for (int i : new int[] {0, 2, 3, 4, 6}) {
			assertThat(client.read().resource(ActivityDefinition.class).withId("svc-" + codes.get(i)).execute()
					.getMeta().getVersionId()).isEqualTo("1");
		}
		Bundle none = client.search().forResource(ActivityDefinition.class)
				.where(ActivityDefinition.IDENTIFIER.exactly().systemAndCode(CatalogueCodes.SERVICE_CODE, codes.get(1)))
				.returnBundle(Bundle.class).execute();
		assertThat(none.getEntry()).isEmpty();
	}

	@Test
	void aCodeRepeatedInOneFileIsCreatedThenUpdated() {
		String code = CatalogueFixtures.code("R");
		Parameters out = importCsv("service", "code,name,price\n" + code + ",First,100\n" + code + ",Second,200\n");

		assertThat(rows(out).stream().map(r -> part(r, "outcome")).toList()).containsExactly("created", "updated");
		ActivityDefinition stored = client.read().resource(ActivityDefinition.class).withId("svc-" + code).execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
		assertThat(stored.getTitle()).isEqualTo("Second");
	}

	@Autowired
	org.imisfhir.conformance.ProfileEnforcingInterceptor profiles;

	@Test
	void eachShapeOfRowIsValidatedOnceAndItsOtherRowsAreStored() {
		// Three out-patient rows and two in-patient rows with a frequency: two shapes, so two profile validations
		// for five services written (decision 0034); every row is stored as it would be after a validation.
		String prefix = CatalogueFixtures.code("V").substring(0, 3);
		String csv = "code,name,care_type,frequency,price\n"
				+ prefix + "001,Consultation,O,,1000\n"
				+ prefix + "002,Pansement,O,,1500.50\n"
				+ prefix + "003,Injection,O,,200\n"
				+ prefix + "004,Hospitalisation,I,30,12000\n"
				+ prefix + "005,Chirurgie,I,90,50000\n";
		long before = profiles.validationCount();

		Parameters report = importCsv("service", csv);

		assertThat(counts(report)).containsEntry("created", 5).containsEntry("refused", 0);
		assertThat(profiles.validationCount() - before).isEqualTo(2);
		ActivityDefinition trusted = client.read().resource(ActivityDefinition.class).withId("svc-" + prefix + "005").execute();
		assertThat(trusted.getTitle()).isEqualTo("Chirurgie");
		assertThat(trusted.getTiming()).isNotNull();
		assertThat(trusted.getMeta().getProfile()).extracting(p -> p.getValue())
				.contains("https://imis-fhir.org/fhir/StructureDefinition/imis-medical-service");
		assertThat(CatalogueResources.price(client.read().resource(ActivityDefinition.class).withId("svc-" + prefix + "002")
				.execute()).getValue()).isEqualByComparingTo("1500.50");
	}

	/** Refuses (422) the creation of a service with the given title, as a profile or rule would. */
	@ca.uhn.fhir.interceptor.api.Interceptor
	public static class RefuseTitle {
		private final String title;

		RefuseTitle(String title) {
			this.title = title;
		}

		@ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
		public void created(org.hl7.fhir.instance.model.api.IBaseResource resource) {
			if (resource instanceof ActivityDefinition service && title.equals(service.getTitle())) {
				throw new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException("test refusal");
			}
		}
	}

	@Test
	void refusalReasonsFollowTheCallersLanguage() throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("kind").setValue(new CodeType("item"));
		in.addParameter().setName("csv").setValue(new StringType("code,name,price\n" + CatalogueFixtures.code("F") + ",X,abc\n"));

		var response = postJson("/fhir/$import-catalogue", fhirContext.newJsonParser().encodeResourceToString(in), "Accept-Language", "fr");

		Parameters out = fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
		assertThat(part(rows(out).get(0), "reason")).isEqualTo("Ligne 2 : la valeur « abc » de la colonne price n'est pas valide.");
	}

	private Parameters importCsv(String kind, String csv) {
		Parameters in = new Parameters();
		in.addParameter().setName("kind").setValue(new CodeType(kind));
		in.addParameter().setName("csv").setValue(new StringType(csv));
		return client.operation().onServer().named("$import-catalogue").withParameters(in).execute();
	}

	private Parameters importBundle(Bundle bundle) {
		Parameters in = new Parameters();
		in.addParameter().setName("bundle").setResource(bundle);
		return client.operation().onServer().named("$import-catalogue").withParameters(in).execute();
	}

	static Map<String, Integer> counts(Parameters out) {
		return out.getParameter().stream().filter(p -> !p.getName().equals("row"))
				.collect(Collectors.toMap(p -> p.getName(), p -> ((org.hl7.fhir.r4.model.IntegerType) p.getValue()).getValue()));
	}

	static List<Parameters.ParametersParameterComponent> rows(Parameters out) {
		return out.getParameter().stream().filter(p -> p.getName().equals("row")).toList();
	}

	static String part(Parameters.ParametersParameterComponent row, String name) {
		return row.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
				.map(p -> p.getValue().primitiveValue()).orElse(null);
	}
}
