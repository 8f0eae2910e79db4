package org.imisfhir.payment;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch run over HTTP on the demo scheme. Each test makes its own region and a copy of the demo's
 * relative-price product RPNA0001 covering that region, so the run for (this month, that region) pays exactly the
 * claims made here, on a database shared with other tests.
 *
 * <p>The product (as RPNA0001): lump sum 12,000 for up to 3 members; policy deductible 1,000; one index for
 * in- and out-patient care, monthly, distribution share 0.60 every month; capitation 20 % at dispensaries (level
 * D), weights population 50 / insured population 50. C11 delivery R, co-insurance 80 % (adult); C1 immunisation
 * and 0002 adrenaline R, fixed 100 per unit; 0001 aspirin P, fixed 100 per unit. A woman born 1990 enrols on the
 * 1st of the month six months ago, pays 12,000 that day; her policy starts a month later and runs 12 months.
 *
 * <p>Claims (one day each, so out-patient):
 * <ul>
 * <li>A at Rapta Health Centre (level C): C11 x1 at 15,000 = (15,000 - 1,000 deductible) x 80 % = 11,200 (R);
 * 0001 x100 at 10 = 1,000 (P). Claimed 16,000, approved 12,200.</li>
 * <li>B at Rapta Health Centre: C1 x2 at 500, capped 2 x 100 = 200 (R); 0002 x4 at 250, capped 4 x 100 = 400 (R).
 * Claimed 2,000, approved 600.</li>
 * <li>C at Rapta Dispensary (level D, a capitation level, so left out of the index): 0002 x2 at 250, capped 200
 * (R). Claimed 500, approved 200.</li>
 * </ul>
 * Index = 12,000 x (days of this month) / (days of the policy) x 0.60 / (11,200 + 600), to 4 decimals. In
 * November 2026 (30 days, policy 2026-06-01..2027-05-31 = 365 days): 12,000 x 30 / 365 = 986.3014 x 0.60 =
 * 591.7808 / 11,800 = 0.0502. Then A = 11,200 x 0.0502 + 1,000 = 1,562.24; B = 600 x 0.0502 = 30.12; C = 200 x
 * 0.0502 = 10.04. Health centre: 2 claims, claimed 18,000.00, approved 12,800.00, remunerated 1,592.36.
 * Dispensary: 1 claim, 500.00 / 200.00 / 10.04, capitation 986.3014 x 20 % x 50 % (insured population: the
 * village is 50 % in its catchment, and no other dispensary has insurees of this product) = 98.63.
 */
class BatchRunHttpTest extends HttpTestBase {

	static final String HEALTH_CENTRE = "hf-rthc001";
	static final String DISPENSARY = "hf-rtdi001";
	static final String SERVICE = "https://imis-fhir.org/fhir/sid/service-code";
	static final String ITEM = "https://imis-fhir.org/fhir/sid/item-code";

	@Autowired
	RemunerateStep remunerateStep;

	@Autowired
	PaymentProperties paymentProperties;

	@AfterEach
	void restore() {
		remunerateStep.beforeWrite(null);
		paymentProperties.setChunkSize(200);
	}

	@Test
	void theMonthIsRunOnceAndEachFacilityGetsItsStatement() throws Exception {
		Scheme scheme = scheme();
		LocalDate today = LocalDate.now();

		HttpResponse<String> accepted = postJson("/fhir/$batch-run", runRequest(today, scheme.region), "Prefer", "respond-async");
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Content-Location").orElseThrow();
		String taskId = location.substring(location.lastIndexOf('/') + 1);
		Task task = await(taskId);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(task, "claims-total")).isEqualTo("3");
		assertThat(output(task, "claims-done")).isEqualTo("3");

		BigDecimal index = expectedIndex(today, scheme.policyDays);
		assertThat(output(task, "index")).isEqualTo(scheme.product + " B " + index.toPlainString());

		// claims valuated, referencing the run, with their remunerated amounts
		Bundle paid = client.search().byUrl("Claim?batch-run=Task/" + taskId).returnBundle(Bundle.class).execute();
		assertThat(paid.getEntry()).hasSize(3);
		ClaimResponse a = client.read().resource(ClaimResponse.class).withId("cr-" + scheme.claimA).execute();
		BigDecimal remA = new BigDecimal("11200").multiply(index).add(new BigDecimal("1000")).setScale(2, RoundingMode.HALF_UP);
		assertThat(total(a, "remunerated")).isEqualByComparingTo(remA);
		assertThat(total(a, "16")).isEqualByComparingTo("12200.00");
		assertThat(a.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(status(client.read().resource(Claim.class).withId(scheme.claimA).execute())).isEqualTo("16");

		BigDecimal remB = new BigDecimal("600").multiply(index).setScale(2, RoundingMode.HALF_UP);
		BigDecimal remC = new BigDecimal("200").multiply(index).setScale(2, RoundingMode.HALF_UP);
		PaymentReconciliation centre = statement(taskId, HEALTH_CENTRE);
		Extension totals = centre.getExtensionByUrl(PaymentStatements.TOTALS);
		assertThat(totals.getExtensionByUrl("claims").getValue().primitiveValue()).isEqualTo("2");
		assertThat(money(totals, "claimed")).isEqualByComparingTo("18000.00");
		assertThat(money(totals, "approved")).isEqualByComparingTo("12800.00");
		assertThat(money(totals, "remunerated")).isEqualByComparingTo(remA.add(remB));
		assertThat(centre.getPaymentAmount().getValue()).isEqualByComparingTo(remA.add(remB));
		assertThat(centre.getExtensionByUrl(PaymentStatements.ACCOUNT).getExtensionByUrl("account").getValue().primitiveValue())
				.isEqualTo("REM-" + scheme.product);

		BigDecimal allocated = allocated(today, scheme.policyDays);
		BigDecimal capitation = allocated.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
		PaymentReconciliation dispensary = statement(taskId, DISPENSARY);
		assertThat(money(dispensary.getExtensionByUrl(PaymentStatements.TOTALS), "remunerated")).isEqualByComparingTo(remC);
		assertThat(money(dispensary.getExtensionByUrl(PaymentStatements.TOTALS), "capitation")).isEqualByComparingTo(capitation);
		assertThat(dispensary.getPaymentAmount().getValue()).isEqualByComparingTo(remC.add(capitation));

		// the accounting CSV adds up to the cent
		HttpResponse<String> csv = get("/fhir/Task/" + taskId + "/$payment-export");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		List<String> rows = csv.body().lines().toList();
		assertThat(rows.get(0)).isEqualTo(PaymentReports.EXPORT_HEADER);
		assertThat(rows).hasSize(4);
		assertThat(rows.get(3)).contains(",TOTAL,").endsWith("," + remA.add(remB).add(remC).add(capitation).toPlainString());

		Parameters report = client.operation().onInstance("Task/" + taskId).named("$payment-report").withNoParameters(Parameters.class)
				.useHttpGet().execute();
		assertThat(report.getParameter().stream().filter(p -> "line".equals(p.getName()))).hasSize(2);
		HttpResponse<String> reportCsv = get("/fhir/Task/" + taskId + "/$payment-report?format=csv");
		assertThat(reportCsv.body()).contains("B=" + index.toPlainString());

		// the same month and region again is refused, in French on request
		HttpResponse<String> again = postJson("/fhir/$batch-run", runRequest(today, scheme.region), "Accept-Language", "fr");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("payment-run-exists").contains("existe déjà").contains(taskId);

		// cancelled, the month can be run again: the claims were put back and are paid again
		Task cancelled = client.operation().onInstance("Task/" + taskId).named("$batch-run-cancel").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(status(client.read().resource(Claim.class).withId(scheme.claimA).execute())).isEqualTo("8");
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		HttpResponse<String> rerun = postJson("/fhir/$batch-run", runRequest(today, scheme.region));
		assertThat(rerun.statusCode()).isEqualTo(201);
		Task second = await(fhirContext.newJsonParser().parseResource(Task.class, rerun.body()).getIdElement().getIdPart());
		assertThat(second.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(second, "claims-done")).isEqualTo("3");
	}

	@Test
	void aRunInterruptedMidwayFailsCleanlyAndCanBeRunAgain() throws Exception {
		Scheme scheme = scheme();
		LocalDate today = LocalDate.now();
		paymentProperties.setChunkSize(1);
		int[] chunks = {0};
		remunerateStep.beforeWrite(claims -> {
			if (++chunks[0] == 2) {
				throw new ca.uhn.fhir.batch2.api.JobExecutionFailedException("simulated crash before the second chunk was written");
			}
		});
		HttpResponse<String> started = postJson("/fhir/$batch-run", runRequest(today, scheme.region));
		assertThat(started.statusCode()).isEqualTo(201);
		String taskId = fhirContext.newJsonParser().parseResource(Task.class, started.body()).getIdElement().getIdPart();
		Task failed = await(taskId);
		assertThat(failed.getStatus()).isEqualTo(Task.TaskStatus.FAILED);
		// nothing of the run is left: no claim valuated by it, no statement
		assertThat(client.search().byUrl("Claim?batch-run=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		for (String claim : List.of(scheme.claimA, scheme.claimB, scheme.claimC)) {
			assertThat(status(client.read().resource(Claim.class).withId(claim).execute())).isEqualTo("8");
		}

		remunerateStep.beforeWrite(null);
		HttpResponse<String> again = postJson("/fhir/$batch-run", runRequest(today, scheme.region));
		assertThat(again.statusCode()).isEqualTo(201);
		Task done = await(fhirContext.newJsonParser().parseResource(Task.class, again.body()).getIdElement().getIdPart());
		assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(done, "claims-done")).isEqualTo("3");
	}

	// ----- the scheme of a test

	record Scheme(String region, String product, long policyDays, String claimA, String claimB, String claimC) {}

	private Scheme scheme() {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		String region = client.create().resource(Fixtures.location("R" + suffix, "Region " + suffix, "R", null)).execute()
				.getId().getIdPart();
		InsurancePlan plan = client.read().resource(InsurancePlan.class).withId("prod-rpna0001").execute();
		plan.setId((String) null);
		plan.setMeta(null);
		String product = "RP" + suffix;
		plan.getIdentifierFirstRep().setValue(product);
		plan.setName("Relative price " + suffix);
		plan.getCoverageArea().clear();
		plan.addCoverageArea(new Reference("Location/" + region));
		Extension accounting = plan.addExtension().setUrl("https://imis-fhir.org/fhir/StructureDefinition/product-accounting");
		accounting.addExtension("premiums", new StringType("PRE-" + product));
		accounting.addExtension("remuneration", new StringType("REM-" + product));
		client.create().resource(plan).execute();

		LocalDate enrol = LocalDate.now().minusMonths(6).withDayOfMonth(1);
		String head = "P" + suffix + "1";
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Ngono", "Alice", "female", "1990-02-01", true, null));
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType(enrol.toString()));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		Patient patient = created.getEntry().stream().map(e -> e.getResource()).filter(Patient.class::isInstance).map(Patient.class::cast)
				.findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(e -> e.getResource()).filter(Coverage.class::isInstance).map(Coverage.class::cast)
				.findFirst().orElseThrow();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();
		org.hl7.fhir.r4.model.PaymentNotice contribution = Fixtures.contribution(policyRef, "RC" + suffix, "12000", enrol.toString());
		contribution.getIdentifierFirstRep().setValue(product + "|RC" + suffix);
		client.create().resource(contribution).execute();
		LocalDate start = enrol.plusMonths(1);
		long policyDays = ChronoUnit.DAYS.between(start, start.plusMonths(12).minusDays(1)) + 1;

		String patientRef = "Patient/" + patient.getIdElement().getIdPart();
		LocalDate today = LocalDate.now();
		Claim a = claim("A" + suffix, patientRef, policyRef, HEALTH_CENTRE, today.minusDays(3));
		line(a, SERVICE, "C11", "1", "15000");
		line(a, ITEM, "0001", "100", "10");
		String claimA = submitAndProcess(a, "12200.00");
		Claim b = claim("B" + suffix, patientRef, policyRef, HEALTH_CENTRE, today.minusDays(2));
		line(b, SERVICE, "C1", "2", "500");
		line(b, ITEM, "0002", "4", "250");
		String claimB = submitAndProcess(b, "600.00");
		Claim c = claim("C" + suffix, patientRef, policyRef, DISPENSARY, today.minusDays(1));
		line(c, ITEM, "0002", "2", "250");
		String claimC = submitAndProcess(c, "200.00");
		return new Scheme(region, product, policyDays, claimA, claimB, claimC);
	}

	private String submitAndProcess(Claim claim, String approved) {
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		ClaimResponse processed = client.operation().onInstance("Claim/" + id).named("$process").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(total(processed, "8")).isEqualByComparingTo(approved);
		assertThat(status(client.read().resource(Claim.class).withId(id).execute())).isEqualTo("8");
		return id;
	}

	private static Claim claim(String code, String patient, String policy, String facility, LocalDate day) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(patient));
		claim.getBillablePeriod().setStartElement(new DateTimeType(day.toString())).setEndElement(new DateTimeType(day.toString()));
		claim.setCreatedElement(new DateTimeType(LocalDate.now().toString()));
		claim.setProvider(new Reference("Organization/" + facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		return claim;
	}

	private static void line(Claim claim, String system, String code, String quantity, String price) {
		Claim.ItemComponent item = claim.addItem();
		item.setSequence(claim.getItem().size());
		item.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category",
				SERVICE.equals(system) ? "service" : "item", null)));
		item.getProductOrService().addCoding(new Coding(system, code, null));
		item.getQuantity().setValue(new BigDecimal(quantity));
		item.setUnitPrice(new Money().setValue(new BigDecimal(price)).setCurrency("XAF"));
	}

	// ----- expectations and helpers

	static BigDecimal allocated(LocalDate today, long policyDays) {
		return new BigDecimal("12000").multiply(BigDecimal.valueOf(today.lengthOfMonth()))
				.divide(BigDecimal.valueOf(policyDays), MathContext.DECIMAL128);
	}

	static BigDecimal expectedIndex(LocalDate today, long policyDays) {
		return allocated(today, policyDays).multiply(new BigDecimal("0.6")).divide(new BigDecimal("11800"), 4, RoundingMode.HALF_UP);
	}

	private String runRequest(LocalDate month, String region) {
		Parameters parameters = new Parameters();
		parameters.addParameter("year", new IntegerType(month.getYear()));
		parameters.addParameter("month", new IntegerType(month.getMonthValue()));
		parameters.addParameter("location", new Reference("Location/" + region));
		return fhirContext.newJsonParser().encodeResourceToString(parameters);
	}

	private Task await(String taskId) throws InterruptedException {
		long until = System.currentTimeMillis() + 180_000;
		while (true) {
			Task task = client.read().resource(Task.class).withId(taskId).execute();
			if (task.getStatus() == Task.TaskStatus.COMPLETED || task.getStatus() == Task.TaskStatus.FAILED
					|| task.getStatus() == Task.TaskStatus.CANCELLED || System.currentTimeMillis() > until) {
				return task;
			}
			Thread.sleep(500);
		}
	}

	private PaymentReconciliation statement(String taskId, String facility) {
		return client.read().resource(PaymentReconciliation.class).withId(PaymentStatements.statementId(taskId, facility)).execute();
	}

	private static String output(Task task, String name) {
		return BatchRuns.output(task, name);
	}

	private static BigDecimal money(Extension extension, String part) {
		return ((Money) extension.getExtensionByUrl(part).getValue()).getValue();
	}

	private static String status(Claim claim) {
		return ((Coding) claim.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/claim-workflow")
				.getExtensionByUrl("status").getValue()).getCode();
	}

	private static BigDecimal total(ClaimResponse response, String code) {
		return response.getTotal().stream()
				.filter(t -> t.getCategory().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
				.map(t -> t.getAmount().getValue()).findFirst().orElseThrow();
	}
}
