package org.imisfhir.payment;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.imisfhir.payment.rules.BatchPeriod;
import org.imisfhir.payment.rules.CapitationPayment;
import org.imisfhir.payment.rules.FacilityTotals;
import org.imisfhir.payment.rules.PaymentStatement;
import org.imisfhir.payment.rules.StatementClaim;
import org.imisfhir.registry.product.rules.ProductDefinition;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the payment statement of each facility (PaymentReconciliation, profile imis-payment-statement) from
 * the claims a run remunerated and the capitation it pays. Amounts come from {@link PaymentStatement}: each claim
 * rounded to the cent before adding, so the per-product parts, the facility total and the run total agree.
 */
public final class PaymentStatements {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-payment-statement";
	public static final String TOTALS = "https://imis-fhir.org/fhir/StructureDefinition/payment-statement-totals";
	public static final String ACCOUNT = "https://imis-fhir.org/fhir/StructureDefinition/payment-statement-account";
	public static final String LINE_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/payment-statement-line";
	public static final String STATEMENT_SYSTEM = "https://imis-fhir.org/fhir/sid/payment-statement";

	private PaymentStatements() {}

	/** Everything a statement is built from. */
	public record Inputs(
			String taskId,
			BatchPeriod period,
			Collection<BatchRunJson.Row> rows,
			Map<String, List<CapitationPayment>> capitationByProduct,
			Map<String, ProductDefinition> products,
			Map<String, Map<String, BigDecimal>> indexes,
			Function<String, Organization> facility,
			String currency,
			Reference insurer) {}

	public static List<PaymentReconciliation> build(Inputs in) {
		Map<String, List<BatchRunJson.Row>> rowsByFacility = new TreeMap<>();
		for (BatchRunJson.Row row : in.rows()) {
			rowsByFacility.computeIfAbsent(row.facility, f -> new ArrayList<>()).add(row);
		}
		Map<String, Map<String, BigDecimal>> capitation = new TreeMap<>();
		in.capitationByProduct().forEach((product, payments) -> payments.forEach(payment -> {
			if (payment.amount().signum() != 0) {
				capitation.computeIfAbsent(payment.facilityCode(), f -> new TreeMap<>()).put(product, payment.amount());
			}
		}));
		TreeSet<String> facilities = new TreeSet<>(rowsByFacility.keySet());
		facilities.addAll(capitation.keySet());
		List<PaymentReconciliation> statements = new ArrayList<>();
		for (String facilityId : facilities) {
			statements.add(statement(in, facilityId, rowsByFacility.getOrDefault(facilityId, List.of()),
					capitation.getOrDefault(facilityId, Map.of())));
		}
		return statements;
	}

	private static PaymentReconciliation statement(Inputs in, String facilityId, List<BatchRunJson.Row> rows, Map<String, BigDecimal> capitation) {
		Organization facility = in.facility().apply(facilityId);
		String facilityCode = BatchRunStore.facilityCode(facility);
		String month = String.format("%04d-%02d", in.period().year(), in.period().month());
		PaymentReconciliation statement = new PaymentReconciliation();
		statement.setId(statementId(in.taskId(), facilityId));
		statement.getMeta().addProfile(PROFILE);
		statement.addIdentifier().setSystem(STATEMENT_SYSTEM).setValue(in.taskId() + "|" + facilityCode);
		statement.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
		statement.getPeriod()
				.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(in.period().monthPeriod().firstDay().toString()))
				.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(in.period().monthPeriod().lastDay().toString()));
		statement.setCreated(new java.util.Date());
		statement.setPaymentIssuer(in.insurer());
		statement.setRequest(new Reference("Task/" + in.taskId()));
		statement.setRequestor(new Reference("Organization/" + facilityId).setDisplay(facility.getName()));
		statement.setOutcome(org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);

		PaymentStatement all = PaymentStatement.of(rows.stream().map(PaymentStatements::statementClaim).toList());
		FacilityTotals totals = all.total();
		BigDecimal capitationTotal = capitation.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal paid = totals.remunerated().add(capitationTotal);
		statement.setDisposition(String.format("Payment statement %s %s: %d claim(s), remunerated %s, capitation %s %s",
				facilityCode, month, totals.claims(), totals.remunerated().toPlainString(), capitationTotal.toPlainString(), in.currency()));
		statement.setPaymentDateElement(new DateType(Date.valueOf(java.time.LocalDate.now())));
		statement.setPaymentAmount(money(paid, in.currency()));
		statement.getPaymentIdentifier().setSystem(STATEMENT_SYSTEM).setValue(in.taskId() + "|" + facilityCode);

		Extension totalsExtension = statement.addExtension().setUrl(TOTALS);
		totalsExtension.addExtension("claims", new UnsignedIntType(totals.claims()));
		totalsExtension.addExtension("claimed", money(totals.claimed(), in.currency()));
		totalsExtension.addExtension("approved", money(totals.approved(), in.currency()));
		totalsExtension.addExtension("remunerated", money(totals.remunerated(), in.currency()));
		totalsExtension.addExtension("capitation", money(capitationTotal, in.currency()));

		TreeSet<String> products = new TreeSet<>(capitation.keySet());
		rows.forEach(row -> products.add(row.product));
		for (String product : products) {
			List<BatchRunJson.Row> own = rows.stream().filter(row -> product.equals(row.product)).toList();
			FacilityTotals part = PaymentStatement.of(own.stream().map(PaymentStatements::statementClaim).toList()).total();
			Extension account = statement.addExtension().setUrl(ACCOUNT);
			account.addExtension("product", new StringType(product));
			ProductDefinition definition = in.products().get(product);
			if (definition != null && definition.accountRemuneration() != null) {
				account.addExtension("account", new StringType(definition.accountRemuneration()));
			}
			account.addExtension("claims", new UnsignedIntType(part.claims()));
			account.addExtension("claimed", money(part.claimed(), in.currency()));
			account.addExtension("approved", money(part.approved(), in.currency()));
			account.addExtension("remunerated", money(part.remunerated(), in.currency()));
			account.addExtension("capitation", money(capitation.getOrDefault(product, BigDecimal.ZERO.setScale(2)), in.currency()));
			Map<String, BigDecimal> index = in.indexes().get(product);
			if (index != null && !index.isEmpty()) {
				account.addExtension("index", new StringType(indexText(index)));
			}
		}

		for (BatchRunJson.Row row : rows) {
			statement.addDetail()
					.setType(new CodeableConcept(new Coding(LINE_SYSTEM, "claim", "Remunerated claim")))
					.setRequest(new Reference("Claim/" + row.claim).setDisplay(row.code))
					.setResponse(new Reference("ClaimResponse/cr-" + row.claim))
					.setPayee(new Reference("Organization/" + facilityId))
					.setAmount(money(row.remunerated, in.currency()));
		}
		capitation.forEach((product, amount) -> statement.addDetail()
				.setType(new CodeableConcept(new Coding(LINE_SYSTEM, "capitation", "Capitation " + product)))
				.setPayee(new Reference("Organization/" + facilityId))
				.setAmount(money(amount, in.currency())));
		return statement;
	}

	static String indexText(Map<String, BigDecimal> index) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(index).forEach((careType, value) -> {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(careType).append('=').append(value.toPlainString());
		});
		return text.toString();
	}

	static String statementId(String taskId, String facilityId) {
		String id = "ps-" + taskId + "-" + facilityId;
		return id.length() <= 64 ? id : id.substring(0, 64);
	}

	private static StatementClaim statementClaim(BatchRunJson.Row row) {
		return new StatementClaim(row.facility, row.code == null ? row.claim : row.code, row.claimed, row.approved, row.remunerated);
	}

	private static Money money(BigDecimal amount, String currency) {
		Money money = new Money();
		money.setValue(amount);
		money.setCurrency(currency);
		return money;
	}
}
