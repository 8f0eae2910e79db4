package org.imisfhir.programme.rules;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who a programme product may be given to, by the identifiers the family's members carry (Cameroon HIV exemption):
 * the HIV-positive product needs a member holding a TARV code; the HIV-negative product needs a member holding a
 * national MPI number and is refused to a family with a TARV code. The systems come from the product.
 */
public final class ProductEligibilityRule {

	private ProductEligibilityRule() {}

	/** The refusal, if any, with the identifier system it is about. */
	public record Refusal(Reason reason, String system) {}

	public enum Reason {
		/** No member carries an identifier of the system the product requires. */
		REQUIRED_IDENTIFIER_MISSING,
		/** A member carries an identifier of a system the product excludes. */
		EXCLUDED_IDENTIFIER_PRESENT
	}

	/**
	 * @param requires systems of which at least one member must carry an identifier (each of them)
	 * @param excludes systems of which no member may carry an identifier
	 * @param members  the identifier systems each active member of the family carries
	 */
	public static Optional<Refusal> check(Set<String> requires, Set<String> excludes, Collection<Set<String>> members) {
		for (String system : excludes) {
			if (members.stream().anyMatch(m -> m.contains(system))) {
				return Optional.of(new Refusal(Reason.EXCLUDED_IDENTIFIER_PRESENT, system));
			}
		}
		for (String system : requires) {
			if (members.stream().noneMatch(m -> m.contains(system))) {
				return Optional.of(new Refusal(Reason.REQUIRED_IDENTIFIER_MISSING, system));
			}
		}
		return Optional.empty();
	}
}
