package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indexes a batch run computed for one product, and which one a claim's R lines use. */
public record RelativeIndexes(Map<CareType, PeriodType> sides, List<RelativeIndex> computed) {

	public RelativeIndexes {
		sides = Map.copyOf(sides);
		computed = List.copyOf(computed);
	}

	/**
	 * The index for a claim of this care type: the general index when the product has one,
	 * otherwise the index of the claim's side; 1 when the product does not price that side
	 * relatively. Empty when the side's period does not close in this run (a quarterly or yearly
	 * index outside months 3/6/9/12 or 12): the claim waits for the run that closes it.
	 */
	public Optional<BigDecimal> indexFor(CareType claimCareType) {
		CareType side = sides.containsKey(CareType.BOTH) ? CareType.BOTH : claimCareType;
		if (!sides.containsKey(side)) {
			return Optional.of(BigDecimal.ONE);
		}
		return computed.stream()
				.filter(index -> index.careType() == side)
				.map(RelativeIndex::value)
				.findFirst();
	}
}
