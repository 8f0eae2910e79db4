package org.imisfhir.payment;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly batch run over HTTP on the demo scheme. Each test makes its own region and a copy of the demo's
 * relative-price product RPNA0001 covering that region, so the run for (this month, that region) pays exactly the
 * claims made here, on a database shared with other tests ({@link BatchRunScheme}).
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

	static final String HEALTH_CENTRE = BatchRunScheme.HEALTH_CENTRE;
	static final String DISPENSARY = BatchRunScheme.DISPENSARY;

	@Autowired
	RemunerateStep remunerateStep;

	@Autowired
	PaymentProperties paymentProperties;

	@Autowired
	BatchRuns batchRuns;

	@AfterEach
	void restore() {
		remunerateStep.beforeWrite(null);
		paymentProperties.setChunkSize(200);
	}

	@Test
	void theMonthIsRunOnceAndEachFacilityGetsItsStatement() throws Exception {
		BatchRunScheme scheme = scheme();
		LocalDate today = LocalDate.now();

		HttpResponse<String> accepted = postJson("/fhir/$batch-run", scheme.runRequest(fhirContext, today), "Prefer", "respond-async");
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Content-Location").orElseThrow();
		String taskId = location.substring(location.lastIndexOf('/') + 1);
		Task task = await(taskId);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(task, "claims-total")).isEqualTo("3");
		assertThat(output(task, "claims-done")).isEqualTo("3");

		BigDecimal index = scheme.expectedIndex(today);
		assertThat(output(task, "index")).isEqualTo(scheme.product() + " B " + index.toPlainString());

		// the Task follows its profile, which refuses a month out of range and more claims done than to pay
		assertThat(task.getMeta().hasProfile(BatchRuns.PROFILE)).isTrue();
		assertThat(validationErrors(task)).isEmpty();
		Task wrongMonth = task.copy();
		wrongMonth.getInput().stream().filter(i -> "month".equals(i.getType().getCodingFirstRep().getCode()))
				.forEach(i -> i.setValue(new IntegerType(13)));
		assertThat(validationErrors(wrongMonth)).contains("imis-br-2");
		Task overDone = task.copy();
		BatchRuns.setOutput(overDone, "claims-done", new IntegerType(4));
		assertThat(validationErrors(overDone)).contains("imis-br-6");

		// claims valuated, referencing the run, with their remunerated amounts
		Bundle paid = client.search().byUrl("Claim?batch-run=Task/" + taskId).returnBundle(Bundle.class).execute();
		assertThat(paid.getEntry()).hasSize(3);
		ClaimResponse a = client.read().resource(ClaimResponse.class).withId("cr-" + scheme.claimA()).execute();
		BigDecimal remA = new BigDecimal("11200").multiply(index).add(new BigDecimal("1000")).setScale(2, RoundingMode.HALF_UP);
		assertThat(total(a, "remunerated")).isEqualByComparingTo(remA);
		assertThat(total(a, "16")).isEqualByComparingTo("12200.00");
		assertThat(a.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(status(client.read().resource(Claim.class).withId(scheme.claimA()).execute())).isEqualTo("16");

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
				.isEqualTo("REM-" + scheme.product());

		BigDecimal capitation = scheme.capitation(today);
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

		// a failure of the job reported after the run completed (e.g. its node stopped before Batch2 recorded the end)
		// takes nothing back: the statements and the completed Task were written together
		batchRuns.failed(taskId, "simulated failure after completion");
		assertThat(client.read().resource(Task.class).withId(taskId).execute().getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(status(client.read().resource(Claim.class).withId(scheme.claimA()).execute())).isEqualTo("16");
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute()
				.getEntry()).hasSize(2);

		// the same month and region again is refused, in French on request
		HttpResponse<String> again = postJson("/fhir/$batch-run", scheme.runRequest(fhirContext, today), "Accept-Language", "fr");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("payment-run-exists").contains("existe déjà").contains(taskId);

		// cancelled, the month can be run again: the claims were put back and are paid again
		Task cancelled = client.operation().onInstance("Task/" + taskId).named("$batch-run-cancel").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(status(client.read().resource(Claim.class).withId(scheme.claimA()).execute())).isEqualTo("8");
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		HttpResponse<String> rerun = postJson("/fhir/$batch-run", scheme.runRequest(fhirContext, today));
		assertThat(rerun.statusCode()).isEqualTo(201);
		Task second = await(fhirContext.newJsonParser().parseResource(Task.class, rerun.body()).getIdElement().getIdPart());
		assertThat(second.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(second, "claims-done")).isEqualTo("3");
	}

	@Test
	void aRunInterruptedMidwayFailsCleanlyAndCanBeRunAgain() throws Exception {
		BatchRunScheme scheme = scheme();
		LocalDate today = LocalDate.now();
		paymentProperties.setChunkSize(1);
		int[] chunks = {0};
		remunerateStep.beforeWrite(claims -> {
			if (++chunks[0] == 2) {
				throw new ca.uhn.fhir.batch2.api.JobExecutionFailedException("simulated crash before the second chunk was written");
			}
		});
		HttpResponse<String> started = postJson("/fhir/$batch-run", scheme.runRequest(fhirContext, today));
		assertThat(started.statusCode()).isEqualTo(201);
		String taskId = fhirContext.newJsonParser().parseResource(Task.class, started.body()).getIdElement().getIdPart();
		Task failed = await(taskId);
		assertThat(failed.getStatus()).isEqualTo(Task.TaskStatus.FAILED);
		// nothing of the run is left: no claim valuated by it, no statement
		assertThat(client.search().byUrl("Claim?batch-run=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		for (String claim : List.of(scheme.claimA(), scheme.claimB(), scheme.claimC())) {
			assertThat(status(client.read().resource(Claim.class).withId(claim).execute())).isEqualTo("8");
		}

		remunerateStep.beforeWrite(null);
		HttpResponse<String> again = postJson("/fhir/$batch-run", scheme.runRequest(fhirContext, today));
		assertThat(again.statusCode()).isEqualTo(201);
		Task done = await(fhirContext.newJsonParser().parseResource(Task.class, again.body()).getIdElement().getIdPart());
		assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(output(done, "claims-done")).isEqualTo("3");
	}

	// ----- helpers

	private BatchRunScheme scheme() {
		return BatchRunScheme.create(client);
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

	/** The error messages of {@code Task/$validate} for the Task, one per line. */
	private String validationErrors(Task task) throws Exception {
		HttpResponse<String> answer = postJson("/fhir/Task/$validate", fhirContext.newJsonParser().encodeResourceToString(task));
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, answer.body());
		StringBuilder errors = new StringBuilder();
		outcome.getIssue().stream()
				.filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
				.forEach(i -> errors.append(i.getDiagnostics()).append('\n'));
		return errors.toString();
	}

	private static String output(Task task, String name) {
		return BatchRuns.output(task, name);
	}

	private static BigDecimal money(Extension extension, String part) {
		return ((Money) extension.getExtensionByUrl(part).getValue()).getValue();
	}

	private static String status(Claim claim) {
		return BatchRunScheme.status(claim);
	}

	private static BigDecimal total(ClaimResponse response, String code) {
		return BatchRunScheme.total(response, code);
	}
}
