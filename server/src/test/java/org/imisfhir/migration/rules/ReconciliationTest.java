package org.imisfhir.migration.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

	private static final String STATUS = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-status";

	private static LegacyRow premium(int line, String id, String amount) {
		return new LegacyRow(LegacyTable.PREMIUMS, line, Map.of("PremiumId", id, "Amount", amount));
	}

	@Test
	void sourceFiguresCountTheRowsAndAddTheAmountsExactly() {
		// 1000.10 + 2500.05 + 0.85 = 3501.00; "NULL" is absent (0); "12,5" is not an amount (counted 0, the row is refused)
		List<LegacyRow> rows = List.of(premium(2, "1", "1000.10"), premium(3, "2", "2500.05"), premium(4, "3", "0.85"),
				premium(5, "4", "NULL"), premium(6, "5", "12,5"));
		Map<String, BigDecimal> figures = Reconciliation.sourceFigures(LegacyTable.PREMIUMS, rows);
		assertThat(figures.get("rows")).isEqualByComparingTo("5");
		assertThat(figures.get("Amount")).isEqualByComparingTo("3501.00");
		assertThat(figures.get("Amount").scale()).isEqualTo(2);
	}

	@Test
	void loadedFiguresReadTheStoredAmounts() {
		// premiums stored: 1000.10 + 2500.05 = 3500.15
		PaymentNotice a = new PaymentNotice().setAmount(new Money().setValue(new BigDecimal("1000.10")));
		PaymentNotice b = new PaymentNotice().setAmount(new Money().setValue(new BigDecimal("2500.05")));
		Map<String, BigDecimal> figures = Reconciliation.loadedFigures(LegacyTable.PREMIUMS, List.of(a, b));
		assertThat(figures.get("rows")).isEqualByComparingTo("2");
		assertThat(figures.get("Amount")).isEqualByComparingTo("3500.15");
	}

	@Test
	void claimsAreCountedOnceAndApprovedIsReadFromTheResponse() {
		// claim 1 claimed 3801.00, approved 3500.00 (response stage 4); claim 2 claimed 15000, never approved
		Claim first = new Claim().setTotal(new Money().setValue(new BigDecimal("3801.00")));
		first.addItem().setCategory(category("service"));
		first.addItem().setCategory(category("item"));
		first.addItem().setCategory(category("item"));
		ClaimResponse firstResponse = new ClaimResponse();
		firstResponse.addTotal().setCategory(new CodeableConcept(new Coding(STATUS, "2", null))).setAmount(new Money().setValue(new BigDecimal("3801.00")));
		firstResponse.addTotal().setCategory(new CodeableConcept(new Coding(STATUS, "4", null))).setAmount(new Money().setValue(new BigDecimal("3500.00")));
		Claim second = new Claim().setTotal(new Money().setValue(new BigDecimal("15000")));
		second.addItem().setCategory(category("service"));
		ClaimResponse secondResponse = new ClaimResponse();
		secondResponse.addTotal().setCategory(new CodeableConcept(new Coding(STATUS, "2", null))).setAmount(new Money().setValue(new BigDecimal("15000")));
		List<org.hl7.fhir.r4.model.Resource> stored = List.of(first, firstResponse, second, secondResponse);

		Map<String, BigDecimal> claims = Reconciliation.loadedFigures(LegacyTable.CLAIMS, stored);
		assertThat(claims.get("rows")).isEqualByComparingTo("2");
		assertThat(claims.get("Claimed")).isEqualByComparingTo("18801.00");   // 3801.00 + 15000
		assertThat(claims.get("Approved")).isEqualByComparingTo("3500.00");
		assertThat(Reconciliation.loadedFigures(LegacyTable.CLAIM_ITEMS, stored).get("rows")).isEqualByComparingTo("2");
		assertThat(Reconciliation.loadedFigures(LegacyTable.CLAIM_SERVICES, stored).get("rows")).isEqualByComparingTo("2");
	}

	@Test
	void figuresAreEqualOnlyWhenTheNumbersAre() {
		// 3501.00 and 3501.0 are the same number; 3501.00 and 3500.15 are not
		List<Reconciliation.Figure> figures = Reconciliation.compare(LegacyTable.PREMIUMS,
				Map.of("Amount", new BigDecimal("3501.00")), Map.of("Amount", new BigDecimal("3501.0")));
		assertThat(figures).singleElement().satisfies(f -> assertThat(f.equal()).isTrue());
		assertThat(Reconciliation.compare(LegacyTable.PREMIUMS, Map.of("Amount", new BigDecimal("3501.00")),
				Map.of("Amount", new BigDecimal("3500.15"))).get(0).equal()).isFalse();
		// a measure nothing was loaded for compares with zero
		assertThat(Reconciliation.compare(LegacyTable.PREMIUMS, Map.of("rows", BigDecimal.ONE), Map.of()).get(0).loaded())
				.isEqualByComparingTo("0");
	}

	private static CodeableConcept category(String code) {
		return new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", code, null));
	}
}
