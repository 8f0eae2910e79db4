package org.imisfhir.payment.rules;

import static org.imisfhir.payment.rules.Amounts.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CapitationCalculatorTest {

	private static final FacilityLevel DISPENSARY = new FacilityLevel("D", "N");
	private static final CapitationLevels DISPENSARIES = CapitationLevels.of(new FacilityLevel("D", null));

	private final CapitationCalculator calculator = new CapitationCalculator();

	private static CapitationTerms terms(String share, String population, String families, String insuredPopulation,
			String insuredFamilies, String visits, String adjusted) {
		return new CapitationTerms(amount(share), amount(population), amount(families), amount(insuredPopulation),
				amount(insuredFamilies), amount(visits), amount(adjusted));
	}

	private static FacilityMeasures facility(String code, FacilityLevel level, String population, String families,
			String insuredPopulation, String insuredFamilies, String visits, String adjusted) {
		return new FacilityMeasures(code, level, amount(population), amount(families), amount(insuredPopulation),
				amount(insuredFamilies), amount(visits), amount(adjusted));
	}

	private static FacilityMeasures dispensary(String code, String population, String insuredPopulation) {
		return facility(code, DISPENSARY, population, "0", insuredPopulation, "0", "0", "0");
	}

	@Test
	void populationAndInsuredPopulationWeights() {
		// 10000 allocated x 20 % = 2000; population part 50 % = 1000, insured part 50 % = 1000.
		// A: 1000 x 3000/4000 + 1000 x 100/500 = 750 + 200 = 950
		// B: 1000 x 1000/4000 + 1000 x 400/500 = 250 + 800 = 1050
		List<CapitationPayment> payments = calculator.distribute(amount("10000"), terms("20", "50", "0", "50", "0", "0", "0"),
				DISPENSARIES, List.of(dispensary("A", "3000", "100"), dispensary("B", "1000", "400")));

		assertEquals(List.of(new CapitationPayment("A", amount("950.00")), new CapitationPayment("B", amount("1050.00"))), payments);
	}

	@Test
	void allSixWeights() {
		// 12000 x 50 % = 6000; parts: population 10 % = 600, families 10 % = 600, insured population
		// 20 % = 1200, insured families 20 % = 1200, visits 20 % = 1200, adjusted amount 20 % = 1200.
		// A: 600x1/4 + 600x1/2 + 1200x3/4 + 1200x0/5 + 1200x10/40 + 1200x700/1200
		//  = 150 + 300 + 900 + 0 + 300 + 700 = 2350
		// B: 600x3/4 + 600x1/2 + 1200x1/4 + 1200x5/5 + 1200x30/40 + 1200x500/1200
		//  = 450 + 300 + 300 + 1200 + 900 + 500 = 3650       (A + B = 6000)
		List<CapitationPayment> payments = calculator.distribute(amount("12000"), terms("50", "10", "10", "20", "20", "20", "20"),
				DISPENSARIES, List.of(
						facility("A", DISPENSARY, "1", "1", "3", "0", "10", "700"),
						facility("B", DISPENSARY, "3", "1", "1", "5", "30", "500")));

		assertEquals(amount("2350.00"), payments.get(0).amount());
		assertEquals(amount("3650.00"), payments.get(1).amount());
	}

	@Test
	void facilitiesNotAtACapitationLevelTakeNoPart() {
		// The health centre C is not capitated: its 9000 population is not in the sum.
		// 1000 x 10 % = 100, all on population; A is the only capitation facility -> 100.
		List<CapitationPayment> payments = calculator.distribute(amount("1000"), terms("10", "100", "0", "0", "0", "0", "0"),
				DISPENSARIES, List.of(
						dispensary("A", "1000", "0"),
						facility("C", new FacilityLevel("C", "N"), "9000", "0", "0", "0", "0", "0")));

		assertEquals(List.of(new CapitationPayment("A", amount("100.00"))), payments);
	}

	@Test
	void measureThatNobodyHasPaysNothing() {
		// 1000 x 100 % = 1000; population part 500 split 1:1 -> 250 each; the visits part (500)
		// has no visits to share on and stays undistributed.
		List<CapitationPayment> payments = calculator.distribute(amount("1000"), terms("100", "50", "0", "0", "0", "50", "0"),
				DISPENSARIES, List.of(dispensary("A", "1", "0"), dispensary("B", "1", "0")));

		assertEquals(amount("250.00"), payments.get(0).amount());
		assertEquals(amount("250.00"), payments.get(1).amount());
	}

	@Test
	void noWeightsMeansAllOnInsuredPopulation() {
		// All weights 0 -> insured population 100 %. 1000 x 10 % = 100; insured 1:3 -> 25 and 75.
		CapitationTerms terms = terms("10", "0", "0", "0", "0", "0", "0");
		List<CapitationPayment> payments = calculator.distribute(amount("1000"), terms,
				DISPENSARIES, List.of(dispensary("A", "50", "1"), dispensary("B", "50", "3")));

		assertEquals(amount("100"), terms.weightInsuredPopulation());
		assertEquals(amount("25.00"), payments.get(0).amount());
		assertEquals(amount("75.00"), payments.get(1).amount());
	}

	@Test
	void weightsMustAddUpToHundred() {
		assertThrows(IllegalArgumentException.class, () -> terms("10", "40", "0", "50", "0", "0", "0"));
		assertThrows(IllegalArgumentException.class, () -> terms("101", "100", "0", "0", "0", "0", "0"));
	}

	@Test
	void eachPaymentIsRoundedHalfUpToTheCent() {
		// 1000 x 10 % = 100 over three equal populations: 33.333... -> 33.33 each.
		// 2000 x 10 % = 200 split 1:2 -> 66.666... -> 66.67 and 133.333... -> 133.33.
		List<CapitationPayment> thirds = calculator.distribute(amount("1000"), terms("10", "100", "0", "0", "0", "0", "0"),
				DISPENSARIES, List.of(dispensary("A", "1", "0"), dispensary("B", "1", "0"), dispensary("C", "1", "0")));
		List<CapitationPayment> oneToTwo = calculator.distribute(amount("2000"), terms("10", "100", "0", "0", "0", "0", "0"),
				DISPENSARIES, List.of(dispensary("A", "1", "0"), dispensary("B", "2", "0")));

		assertEquals(amount("33.33"), thirds.get(2).amount());
		assertEquals(amount("66.67"), oneToTwo.get(0).amount());
		assertEquals(amount("133.33"), oneToTwo.get(1).amount());
	}
}
