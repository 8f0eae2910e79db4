package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Per-facility totals of a batch run: number of claims, claimed, approved and remunerated.
 * Each claim's amounts are rounded half-up to the cent before they are added, so the facility
 * rows add up exactly to the grand total and each row to its claims.
 */
public record PaymentStatement(List<FacilityTotals> facilities, FacilityTotals total) {

	public static final String ALL_FACILITIES = "*";

	public PaymentStatement {
		facilities = List.copyOf(facilities);
	}

	public static PaymentStatement of(Collection<StatementClaim> claims) {
		Map<String, List<StatementClaim>> byFacility = claims.stream()
				.collect(Collectors.groupingBy(StatementClaim::facilityCode, TreeMap::new, Collectors.toList()));
		List<FacilityTotals> rows = byFacility.entrySet().stream()
				.map(entry -> totalsOf(entry.getKey(), entry.getValue()))
				.toList();
		FacilityTotals total = new FacilityTotals(ALL_FACILITIES,
				rows.stream().mapToInt(FacilityTotals::claims).sum(),
				sum(rows.stream().map(FacilityTotals::claimed).toList()),
				sum(rows.stream().map(FacilityTotals::approved).toList()),
				sum(rows.stream().map(FacilityTotals::remunerated).toList()));
		return new PaymentStatement(rows, total);
	}

	public FacilityTotals facility(String facilityCode) {
		return facilities.stream()
				.filter(row -> row.facilityCode().equals(facilityCode))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no claims for facility " + facilityCode));
	}

	private static FacilityTotals totalsOf(String facilityCode, List<StatementClaim> claims) {
		return new FacilityTotals(facilityCode, claims.size(),
				sum(claims.stream().map(StatementClaim::claimed).map(PaymentStatement::toCent).toList()),
				sum(claims.stream().map(StatementClaim::approved).map(PaymentStatement::toCent).toList()),
				sum(claims.stream().map(StatementClaim::remunerated).map(PaymentStatement::toCent).toList()));
	}

	private static BigDecimal toCent(BigDecimal amount) {
		return amount.setScale(RemunerationCalculator.MONEY_SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO.setScale(RemunerationCalculator.MONEY_SCALE), BigDecimal::add);
	}
}
