package org.imisfhir.payment;

import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The accounting export (CSV) and the report (Parameters or CSV) of a batch run, read from its stored payment
 * statements, so what the accountant gets is exactly what the FHIR resources say. Amounts are BigDecimal with 2
 * decimals; the TOTAL row is the sum of the rows above it.
 */
public final class PaymentReports {

	public static final String EXPORT_HEADER =
			"run,month,facility_code,facility_name,facility_account,product,product_account,claims,claimed,approved,remunerated,capitation,to_pay";
	public static final String REPORT_HEADER =
			"facility_code,facility_name,product,index,claims,claimed,approved,remunerated,capitation";

	private PaymentReports() {}

	/** One line per facility and product of a statement. */
	public record Line(String facilityCode, String facilityName, String facilityAccount, String product, String productAccount,
			int claims, BigDecimal claimed, BigDecimal approved, BigDecimal remunerated, BigDecimal capitation, String index) {

		BigDecimal toPay() {
			return remunerated.add(capitation);
		}
	}

	public static List<Line> lines(List<PaymentReconciliation> statements, Function<String, Organization> facility) {
		List<Line> lines = new ArrayList<>();
		for (PaymentReconciliation statement : statements) {
			Organization organisation = facility.apply(statement.getRequestor().getReferenceElement().getIdPart());
			for (Extension account : statement.getExtensionsByUrl(PaymentStatements.ACCOUNT)) {
				lines.add(new Line(BatchRunStore.facilityCode(organisation), organisation.getName(), BatchRunStore.facilityAccount(organisation),
						text(account, "product"), text(account, "account"), integer(account, "claims"), money(account, "claimed"),
						money(account, "approved"), money(account, "remunerated"), money(account, "capitation"), text(account, "index")));
			}
		}
		return lines;
	}

	public static String exportCsv(String taskId, String month, List<Line> lines) {
		StringBuilder csv = new StringBuilder(EXPORT_HEADER).append("\r\n");
		BigDecimal[] totals = zeros(5);
		int claims = 0;
		for (Line line : lines) {
			csv.append(String.join(",", cell(taskId), cell(month), cell(line.facilityCode()), cell(line.facilityName()),
					cell(line.facilityAccount()), cell(line.product()), cell(line.productAccount()), String.valueOf(line.claims()),
					amount(line.claimed()), amount(line.approved()), amount(line.remunerated()), amount(line.capitation()),
					amount(line.toPay()))).append("\r\n");
			claims += line.claims();
			add(totals, line.claimed(), line.approved(), line.remunerated(), line.capitation(), line.toPay());
		}
		csv.append(String.join(",", cell(taskId), cell(month), "TOTAL", "", "", "", "", String.valueOf(claims),
				amount(totals[0]), amount(totals[1]), amount(totals[2]), amount(totals[3]), amount(totals[4]))).append("\r\n");
		return csv.toString();
	}

	public static String reportCsv(List<Line> lines) {
		StringBuilder csv = new StringBuilder(REPORT_HEADER).append("\r\n");
		for (Line line : lines) {
			csv.append(String.join(",", cell(line.facilityCode()), cell(line.facilityName()), cell(line.product()), cell(line.index()),
					String.valueOf(line.claims()), amount(line.claimed()), amount(line.approved()), amount(line.remunerated()),
					amount(line.capitation()))).append("\r\n");
		}
		return csv.toString();
	}

	public static Parameters report(String taskId, String month, List<Line> lines, String currency) {
		Parameters report = new Parameters();
		report.addParameter("run", new StringType("Task/" + taskId));
		report.addParameter("month", new StringType(month));
		for (Line line : lines) {
			Parameters.ParametersParameterComponent row = report.addParameter().setName("line");
			row.addPart().setName("facility").setValue(new StringType(line.facilityCode()));
			row.addPart().setName("facilityName").setValue(new StringType(line.facilityName()));
			row.addPart().setName("product").setValue(new StringType(line.product()));
			if (line.index() != null) {
				row.addPart().setName("index").setValue(new StringType(line.index()));
			}
			row.addPart().setName("claims").setValue(new IntegerType(line.claims()));
			row.addPart().setName("claimed").setValue(new Money().setValue(line.claimed()).setCurrency(currency));
			row.addPart().setName("approved").setValue(new Money().setValue(line.approved()).setCurrency(currency));
			row.addPart().setName("remunerated").setValue(new Money().setValue(line.remunerated()).setCurrency(currency));
			row.addPart().setName("capitation").setValue(new Money().setValue(line.capitation()).setCurrency(currency));
		}
		return report;
	}

	private static void add(BigDecimal[] totals, BigDecimal... amounts) {
		for (int i = 0; i < amounts.length; i++) {
			totals[i] = totals[i].add(amounts[i]);
		}
	}

	private static BigDecimal[] zeros(int n) {
		BigDecimal[] zeros = new BigDecimal[n];
		java.util.Arrays.fill(zeros, BigDecimal.ZERO.setScale(2));
		return zeros;
	}

	static String amount(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

	private static String text(Extension extension, String part) {
		Extension value = extension.getExtensionByUrl(part);
		return value == null ? null : value.getValue().primitiveValue();
	}

	private static int integer(Extension extension, String part) {
		String text = text(extension, part);
		return text == null ? 0 : Integer.parseInt(text);
	}

	private static BigDecimal money(Extension extension, String part) {
		Extension value = extension.getExtensionByUrl(part);
		return value == null ? BigDecimal.ZERO.setScale(2) : ((Money) value.getValue()).getValue().setScale(2);
	}
}
