package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imisfhir.enrolment.rules.RenewalOfficer.Officer;
import org.imisfhir.enrolment.rules.RenewalOfficer.Warning;
import org.junit.jupiter.api.Test;

/** A renewal's officer through the substitution chain, and its warning flags (domain §2.4, decision 0027). */
class RenewalOfficerTest {

	private static final LocalDate RENEWAL = LocalDate.of(2026, 7, 1);

	// eo1 left on 2026-03-31 for eo2, who left on 2026-06-30 (the day before the renewal) for eo3, still working
	private static final Map<String, Officer> OFFICERS = Map.of(
			"eo1", new Officer("eo1", LocalDate.of(2026, 3, 31), "eo2"),
			"eo2", new Officer("eo2", LocalDate.of(2026, 6, 30), "eo3"),
			"eo3", new Officer("eo3", null, null),
			"eo4", new Officer("eo4", LocalDate.of(2026, 7, 1), "eo3"),
			"eo5", new Officer("eo5", LocalDate.of(2026, 1, 1), null),
			"eo6", new Officer("eo6", LocalDate.of(2026, 1, 1), "eo7"),
			"eo7", new Officer("eo7", LocalDate.of(2026, 2, 1), "eo6"));

	private static RenewalOfficer.Result resolve(String officer, boolean productValid) {
		return RenewalOfficer.resolve(officer, id -> Optional.ofNullable(OFFICERS.get(id)), RENEWAL, productValid);
	}

	@Test
	void theChainIsFollowedWhileTheOfficerNoLongerWorks() {
		RenewalOfficer.Result result = resolve("eo1", true);
		assertThat(result.officerId()).isEqualTo("eo3");
		assertThat(result.warnings()).isEmpty();
		assertThat(result.flags()).isZero();
	}

	@Test
	void anOfficerWorkingOnTheRenewalDateKeepsTheRenewal() {
		// eo4 works to 2026-07-01, the renewal date itself: not before it, so no substitution
		assertThat(resolve("eo4", true).officerId()).isEqualTo("eo4");
		assertThat(resolve("eo3", true).officerId()).isEqualTo("eo3");
	}

	@Test
	void anOfficerWhoLeftWithoutSubstituteIsKeptWithAWarning() {
		RenewalOfficer.Result result = resolve("eo5", true);
		assertThat(result.officerId()).isEqualTo("eo5");
		assertThat(result.warnings()).containsExactly(Warning.OFFICER_NOT_WORKING);
		assertThat(result.flags()).isEqualTo(4);
	}

	@Test
	void noOfficerAndAProductNoLongerValidAreFlagged() {
		RenewalOfficer.Result result = resolve(null, false);
		assertThat(result.officerId()).isNull();
		assertThat(result.warnings()).isEqualTo(Set.of(Warning.PRODUCT_NOT_VALID, Warning.NO_OFFICER));
		assertThat(result.flags()).isEqualTo(1 + 2);
		assertThat(resolve("unknown", true).warnings()).containsExactly(Warning.NO_OFFICER);
	}

	@Test
	void aCircularChainStops() {
		// eo6 -> eo7 -> eo6: both left; the chain stops when it comes back, with the not-working warning
		RenewalOfficer.Result result = resolve("eo6", true);
		assertThat(result.officerId()).isIn("eo6", "eo7");
		assertThat(result.flags()).isEqualTo(4);
	}
}
