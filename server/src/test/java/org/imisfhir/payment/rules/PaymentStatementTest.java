package org.imisfhir.payment.rules;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentStatementTest {

	private static StatementClaim claim(String facility, String code, String claimed, String approved, String remunerated) {
		return new StatementClaim(facility, code, amount(claimed), amount(approved), amount(remunerated));
	}

	@Test
	void totalsPerFacilityAndOverall() {
		// HF1: 2 claims, claimed 100.00 + 50.00 = 150.00, approved 90.00 + 50.00 = 140.00, remunerated 95.50 + 40.25 = 135.75
		// HF2: 1 claim, 20.00, 20.00, 10.10
		// All: 3 claims, 170.00, 160.00, 145.85
		PaymentStatement statement = PaymentStatement.of(List.of(
				claim("HF2", "C3", "20.00", "20.00", "10.10"),
				claim("HF1", "C1", "100.00", "90.00", "95.50"),
				claim("HF1", "C2", "50.00", "50.00", "40.25")));

		assertEquals(List.of(
				new FacilityTotals("HF1", 2, amount("150.00"), amount("140.00"), amount("135.75")),
				new FacilityTotals("HF2", 1, amount("20.00"), amount("20.00"), amount("10.10"))), statement.facilities());
		assertEquals(new FacilityTotals(PaymentStatement.ALL_FACILITIES, 3, amount("170.00"), amount("160.00"), amount("145.85")), statement.total());
	}

	@Test
	void eachClaimIsCountedToTheCentSoRowsAddUp_ruleDecisions8() {
		// 10.005 and 10.005 are each paid 10.01 -> 20.02 (adding first would print 20.01 for
		// claims that each show 10.01).
		PaymentStatement statement = PaymentStatement.of(List.of(
				claim("HF1", "C1", "10.005", "10.005", "10.005"),
				claim("HF1", "C2", "10.005", "10.005", "10.005")));

		assertEquals(amount("20.02"), statement.facility("HF1").remunerated());
		assertEquals(amount("20.02"), statement.total().claimed());
	}

	@Test
	void facilityRowsAddUpExactlyToTheTotal() {
		// Rounded claims: HF1 0.33 + 0.67 = 1.00, HF2 0.33 + 0.33 = 0.66, HF3 0.01 -> total 1.67.
		PaymentStatement statement = PaymentStatement.of(List.of(
				claim("HF1", "C1", "0.333", "0.333", "0.333"),
				claim("HF1", "C2", "0.666", "0.666", "0.666"),
				claim("HF2", "C3", "0.333", "0.333", "0.333"),
				claim("HF2", "C4", "0.334", "0.334", "0.334"),
				claim("HF3", "C5", "0.005", "0.005", "0.005")));

		BigDecimal rows = statement.facilities().stream().map(FacilityTotals::remunerated).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertEquals(amount("1.00"), statement.facility("HF1").remunerated());
		assertEquals(amount("0.66"), statement.facility("HF2").remunerated());
		assertEquals(amount("0.01"), statement.facility("HF3").remunerated());
		assertEquals(amount("1.67"), statement.total().remunerated());
		assertEquals(statement.total().remunerated(), rows);
		assertEquals(5, statement.total().claims());
	}

	@Test
	void unknownFacilityIsAnError() {
		PaymentStatement statement = PaymentStatement.of(List.of(claim("HF1", "C1", "1.00", "1.00", "1.00")));

		assertThrows(IllegalArgumentException.class, () -> statement.facility("HF9"));
	}
}
