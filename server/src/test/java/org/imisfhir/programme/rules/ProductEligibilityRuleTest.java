package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.imisfhir.programme.rules.ProductEligibilityRule.Reason;
import org.junit.jupiter.api.Test;

/** The Cameroon HIV products: positive needs a TARV code in the family, negative an MPI number and no TARV code. */
class ProductEligibilityRuleTest {

	private static final String CHF = "chf";
	private static final String TARV = "tarv";
	private static final String MPI = "mpi";

	@Test
	void theHivPositiveProductNeedsAMemberWithATarvCode() {
		// mother with TARV code, child with only an insurance number: allowed
		assertThat(ProductEligibilityRule.check(Set.of(TARV), Set.of(), List.of(Set.of(CHF, TARV), Set.of(CHF)))).isEmpty();
		// nobody with a TARV code: refused, naming the TARV system
		assertThat(ProductEligibilityRule.check(Set.of(TARV), Set.of(), List.of(Set.of(CHF, MPI), Set.of(CHF))))
				.contains(new ProductEligibilityRule.Refusal(Reason.REQUIRED_IDENTIFIER_MISSING, TARV));
	}

	@Test
	void theHivNegativeProductNeedsAnMpiNumberAndNoTarvCode() {
		Set<String> requires = Set.of(MPI);
		Set<String> excludes = Set.of(TARV);
		// exposed child with an MPI number, partner with nothing more: allowed
		assertThat(ProductEligibilityRule.check(requires, excludes, List.of(Set.of(CHF, MPI), Set.of(CHF)))).isEmpty();
		// no MPI number: refused for the MPI system
		assertThat(ProductEligibilityRule.check(requires, excludes, List.of(Set.of(CHF))))
				.contains(new ProductEligibilityRule.Refusal(Reason.REQUIRED_IDENTIFIER_MISSING, MPI));
		// a member holds a TARV code (even with MPI numbers elsewhere): the exclusion is reported first
		assertThat(ProductEligibilityRule.check(requires, excludes, List.of(Set.of(CHF, MPI), Set.of(CHF, TARV))))
				.contains(new ProductEligibilityRule.Refusal(Reason.EXCLUDED_IDENTIFIER_PRESENT, TARV));
	}

	@Test
	void aProductWithoutConditionsFitsEveryFamily() {
		assertThat(ProductEligibilityRule.check(Set.of(), Set.of(), List.of())).isEmpty();
		assertThat(ProductEligibilityRule.check(Set.of(), Set.of(), List.of(Set.of(TARV)))).isEmpty();
	}

	@Test
	void aFamilyWithNoMembersMeetsNoRequirement() {
		assertThat(ProductEligibilityRule.check(Set.of(TARV), Set.of(), List.of()))
				.contains(new ProductEligibilityRule.Refusal(Reason.REQUIRED_IDENTIFIER_MISSING, TARV));
	}
}
