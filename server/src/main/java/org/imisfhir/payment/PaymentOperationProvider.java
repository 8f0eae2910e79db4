package org.imisfhir.payment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The payment operations: {@code $batch-run} (system level; asynchronous, answers with the Task or, with
 * {@code Prefer: respond-async}, 202 Accepted and the Task's URL), and on a batch run's Task
 * {@code $batch-run-cancel}, {@code $payment-export} (accounting CSV) and {@code $payment-report}.
 */
@Component
public class PaymentOperationProvider implements ImisOperationProvider {

	private final BatchRuns runs;
	private final BatchRunStore store;
	private final FhirContext fhirContext;
	private final String currency;

	public PaymentOperationProvider(BatchRuns runs, BatchRunStore store, FhirContext fhirContext, ImisProperties properties) {
		this.runs = runs;
		this.store = store;
		this.fhirContext = fhirContext;
		this.currency = properties.getRegistry().getCurrency();
	}

	@Operation(name = "$batch-run", manualResponse = true)
	public void batchRun(
			@OperationParam(name = "year", min = 1, max = 1) IntegerType year,
			@OperationParam(name = "month", min = 1, max = 1) IntegerType month,
			@OperationParam(name = "location", max = 1) Reference location,
			RequestDetails request,
			HttpServletResponse response) throws IOException {
		if (year == null || month == null || year.getValue() == null || month.getValue() == null) {
			throw ImisRuleException.businessRule(PaymentViolation.PERIOD_INVALID, year == null ? "" : year.getValueAsString(),
					month == null ? "" : month.getValueAsString());
		}
		String locationId = location == null || !location.hasReference() ? null : new IdType(location.getReference()).getIdPart();
		Task task = runs.start(year.getValue(), month.getValue(), locationId);
		String taskUrl = request.getFhirServerBase() + "/Task/" + task.getIdElement().getIdPart();
		String prefer = request.getHeader("Prefer");
		if (prefer != null && prefer.toLowerCase().contains("respond-async")) {
			OperationOutcome accepted = new OperationOutcome();
			accepted.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
					.setDiagnostics("Batch run accepted; follow Task/" + task.getIdElement().getIdPart());
			response.setHeader("Content-Location", taskUrl);
			write(response, 202, fhirContext.newJsonParser().encodeResourceToString(accepted), "application/fhir+json");
			return;
		}
		response.setHeader("Location", taskUrl);
		response.setHeader("Content-Location", taskUrl);
		write(response, 201, fhirContext.newJsonParser().encodeResourceToString(task), "application/fhir+json");
	}

	@Operation(name = "$batch-run-cancel", type = Task.class)
	public Task cancel(@IdParam IdType id) {
		return runs.cancel(id.getIdPart());
	}

	@Operation(name = "$payment-export", type = Task.class, idempotent = true, manualResponse = true)
	public void export(@IdParam IdType id, HttpServletResponse response) throws IOException {
		Task task = completed(id.getIdPart());
		String csv = PaymentReports.exportCsv(id.getIdPart(), month(task), lines(id.getIdPart()));
		response.setHeader("Content-Disposition", "attachment; filename=\"payment-" + id.getIdPart() + ".csv\"");
		write(response, 200, csv, "text/csv");
	}

	@Operation(name = "$payment-report", type = Task.class, idempotent = true, manualResponse = true)
	public void report(@IdParam IdType id, @OperationParam(name = "format", max = 1) CodeType format, HttpServletResponse response)
			throws IOException {
		String wanted = format == null ? null : format.getValue();
		if (wanted != null && !"csv".equals(wanted)) {
			throw ImisRuleException.businessRule(PaymentViolation.FORMAT_UNKNOWN, wanted);
		}
		Task task = completed(id.getIdPart());
		List<PaymentReports.Line> lines = lines(id.getIdPart());
		if ("csv".equals(wanted)) {
			write(response, 200, PaymentReports.reportCsv(lines), "text/csv");
			return;
		}
		Parameters report = PaymentReports.report(id.getIdPart(), month(task), lines, currency);
		write(response, 200, fhirContext.newJsonParser().encodeResourceToString(report), "application/fhir+json");
	}

	private Task completed(String taskId) {
		Task task = runs.batchRun(taskId);
		if (task.getStatus() != Task.TaskStatus.COMPLETED) {
			throw ImisRuleException.businessRule(PaymentViolation.RUN_NOT_COMPLETED, taskId, task.getStatus().toCode());
		}
		return task;
	}

	private List<PaymentReports.Line> lines(String taskId) {
		List<PaymentReconciliation> statements = store.statementsOfRun(taskId);
		return PaymentReports.lines(statements, store::facility);
	}

	private static String month(Task task) {
		String year = task.getInput().stream().filter(i -> "year".equals(i.getType().getCodingFirstRep().getCode()))
				.map(i -> i.getValue().primitiveValue()).findFirst().orElse("");
		String month = task.getInput().stream().filter(i -> "month".equals(i.getType().getCodingFirstRep().getCode()))
				.map(i -> i.getValue().primitiveValue()).findFirst().orElse("");
		return month.length() == 1 ? year + "-0" + month : year + "-" + month;
	}

	private static void write(HttpServletResponse response, int status, String body, String contentType) throws IOException {
		response.setStatus(status);
		response.setContentType(contentType);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.getOutputStream().flush();
	}
}
