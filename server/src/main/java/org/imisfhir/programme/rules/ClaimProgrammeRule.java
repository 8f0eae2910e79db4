package org.imisfhir.programme.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The programmes a claim may use: those offered at the facility and held by the insuree's family through a policy
 * that covers the date of care (active, or expired with the date inside its cover), as the CSU's programme query
 * intersected them. A claim naming a programme must name one of these; a claim naming none takes the only one
 * there is, and is refused when there are several to choose from.
 */
public final class ClaimProgrammeRule {

	private ClaimProgrammeRule() {}

	public static Set<String> available(Set<String> offeredAtFacility, List<HeldPolicy> held, LocalDate dateOfCare) {
		Set<String> available = new TreeSet<>();
		for (HeldPolicy policy : held) {
			if (policy.programme() != null && offeredAtFacility.contains(policy.programme()) && policy.coversCareOn(dateOfCare)) {
				available.add(policy.programme());
			}
		}
		return available;
	}

	/** The claim's programme once checked: the one it names, or the only one available; or why it is refused. */
	public static Choice choose(Optional<String> named, Set<String> offeredAtFacility, List<HeldPolicy> held, LocalDate dateOfCare) {
		Set<String> available = available(offeredAtFacility, held, dateOfCare);
		if (named.isPresent()) {
			String programme = named.get();
			if (!offeredAtFacility.contains(programme)) {
				return Choice.refused(ProgrammeRefusal.CLAIM_PROGRAMME_NOT_OFFERED);
			}
			if (!available.contains(programme)) {
				return Choice.refused(ProgrammeRefusal.CLAIM_PROGRAMME_NOT_HELD);
			}
			return Choice.of(programme);
		}
		if (available.size() > 1) {
			return Choice.refused(ProgrammeRefusal.CLAIM_PROGRAMME_AMBIGUOUS);
		}
		return available.isEmpty() ? Choice.none() : Choice.of(available.iterator().next());
	}

	/** The programme chosen (empty when none applies), or the refusal. */
	public record Choice(Optional<String> programme, Optional<ProgrammeRefusal> refusal) {
		static Choice of(String programme) {
			return new Choice(Optional.of(programme), Optional.empty());
		}

		static Choice none() {
			return new Choice(Optional.empty(), Optional.empty());
		}

		static Choice refused(ProgrammeRefusal reason) {
			return new Choice(Optional.empty(), Optional.of(reason));
		}
	}
}
