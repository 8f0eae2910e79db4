package org.imisfhir.programme.mpi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of merging two insurees found to be one person: the source is retired, the target survives.
 * What happens to the families, and which of the source's numbers the survivor takes and how.
 */
public final class MergePlanner {

	public enum Refusal { SAME_INSUREE, SOURCE_ALREADY_MERGED, TARGET_RETIRED, HEAD_WOULD_LEAVE_FAMILY }

	public enum FamilyChange {
		/** The source is in no family: nothing to do. */
		NONE,
		/** Both in one family: the source leaves it; when it was the head the survivor becomes head. */
		SAME_FAMILY,
		/** The survivor is in no family: it takes the source's place (and head role) in the source's family. */
		TAKE_OVER_MEMBERSHIP,
		/** Different families, the source an ordinary member: it leaves its family, the survivor keeps its own. */
		LEAVE_SOURCE_FAMILY
	}

	/** An identifier as {@code system}, {@code value} and {@code use} (a FHIR identifier-use code or null). */
	public record Number(String system, String value, String use) {}

	private MergePlanner() {}

	public static Optional<Refusal> refusal(MergeParty source, MergeParty target) {
		if (source.id().equals(target.id())) {
			return Optional.of(Refusal.SAME_INSUREE);
		}
		if (source.retired()) {
			return Optional.of(Refusal.SOURCE_ALREADY_MERGED);
		}
		if (target.retired()) {
			return Optional.of(Refusal.TARGET_RETIRED);
		}
		if (familyChange(source, target) == FamilyChange.LEAVE_SOURCE_FAMILY && source.head()) {
			return Optional.of(Refusal.HEAD_WOULD_LEAVE_FAMILY);
		}
		return Optional.empty();
	}

	public static FamilyChange familyChange(MergeParty source, MergeParty target) {
		if (source.family() == null) {
			return FamilyChange.NONE;
		}
		if (source.family().equals(target.family())) {
			return FamilyChange.SAME_FAMILY;
		}
		return target.family() == null ? FamilyChange.TAKE_OVER_MEMBERSHIP : FamilyChange.LEAVE_SOURCE_FAMILY;
	}

	/**
	 * The source's numbers the survivor adds: each one it does not already hold, the insurance number with use
	 * {@code old} (it no longer names anyone on its own), every other number with use {@code secondary}.
	 */
	public static List<Number> numbersToAdd(List<Number> source, List<Number> target, String insuranceNumberSystem) {
		List<Number> added = new ArrayList<>();
		for (Number number : source) {
			boolean held = target.stream().anyMatch(t -> t.system() != null && t.system().equals(number.system())
					&& t.value() != null && t.value().equals(number.value()));
			if (held || number.value() == null) {
				continue;
			}
			String use = insuranceNumberSystem.equals(number.system()) ? "old" : "secondary";
			added.add(new Number(number.system(), number.value(), use));
		}
		return added;
	}
}
