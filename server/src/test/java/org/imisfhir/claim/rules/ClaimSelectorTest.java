package org.imisfhir.claim.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimSelectorTest {

	private final ClaimSelector selector = new ClaimSelector(new Random(7));

	private static ClaimSelector.Candidate claim(String id, String claimed, String... services) {
		return new ClaimSelector.Candidate(id, new BigDecimal(claimed), Set.of(services));
	}

	@Test
	void claimsAboveTheAmountOrWithAWatchedServiceAreAlwaysSelected() {
		SelectionCriteria criteria = new SelectionCriteria(new BigDecimal("50000"), Set.of("C8"), BigDecimal.ZERO);
		// 50,000.01 > 50,000: selected; exactly 50,000 is not above; C8 (caesarean) is watched whatever the amount
		assertThat(selector.selected(List.of(
				claim("a", "50000.01", "C1"), claim("b", "50000", "C1"), claim("c", "100", "C2", "C8")), criteria))
				.extracting(ClaimSelector.Candidate::claimId).containsExactly("a", "c");
	}

	@Test
	void aShareOfZeroSelectsNoneAndOfOneHundredSelectsAll() {
		List<ClaimSelector.Candidate> claims = IntStream.range(0, 200).mapToObj(i -> claim("k" + i, "10")).toList();
		assertThat(selector.selected(claims, new SelectionCriteria(null, null, BigDecimal.ZERO))).isEmpty();
		assertThat(selector.selected(claims, new SelectionCriteria(null, null, new BigDecimal("100")))).hasSize(200);
	}

	@Test
	void aRandomShareSelectsAboutThatShare() {
		// 10 % of 10,000 claims is 1,000; a fair draw stays within 1,000 +/- 150 (more than 4 standard deviations of 30)
		List<ClaimSelector.Candidate> claims = IntStream.range(0, 10_000).mapToObj(i -> claim("k" + i, "10")).toList();
		int selected = selector.selected(claims, new SelectionCriteria(null, null, new BigDecimal("10"))).size();
		assertThat(selected).isBetween(850, 1150);
	}
}
