package org.imisfhir.programme.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which security labels a resource must carry, from the sensitive programmes' definitions: an insuree holding an
 * identifier of a sensitive system carries that programme's label, and so do the policies and claims of the
 * programme. Cameroon: VIH is labelled {@code v3-ActCode#HIV} through the TARV code and the national MPI number.
 */
public final class SensitivityLabels {

	/** A security label ({@code meta.security}). */
	public record Label(String system, String code) {}

	/** A programme whose data is sensitive: its label and the identifier systems that mark its beneficiaries. */
	public record SensitiveProgramme(String code, Label label, Set<String> identifierSystems) {
		public SensitiveProgramme {
			identifierSystems = Set.copyOf(identifierSystems);
		}
	}

	/** Why a change of an insuree's labels is refused. */
	public enum ChangeRefusal { NOT_MANAGER, NO_REASON }

	private final List<SensitiveProgramme> programmes;

	public SensitivityLabels(Collection<SensitiveProgramme> programmes) {
		this.programmes = List.copyOf(programmes);
	}

	public boolean any() {
		return !programmes.isEmpty();
	}

	/** Every label a sensitive programme gives: the labels the server sets and removes itself. */
	public Set<Label> managed() {
		Set<Label> labels = new LinkedHashSet<>();
		programmes.forEach(programme -> labels.add(programme.label()));
		return labels;
	}

	/** The identifier systems that mark a beneficiary of a sensitive programme. */
	public Set<String> sensitiveSystems() {
		Set<String> systems = new LinkedHashSet<>();
		programmes.forEach(programme -> systems.addAll(programme.identifierSystems()));
		return systems;
	}

	/** The labels of an insuree holding identifiers of these systems. */
	public Set<Label> forInsuree(Collection<String> identifierSystems) {
		Set<Label> labels = new LinkedHashSet<>();
		for (SensitiveProgramme programme : programmes) {
			if (identifierSystems.stream().anyMatch(programme.identifierSystems()::contains)) {
				labels.add(programme.label());
			}
		}
		return labels;
	}

	/** The labels of a policy or claim of these programmes. */
	public Set<Label> forProgrammes(Collection<String> programmeCodes) {
		Set<Label> labels = new LinkedHashSet<>();
		for (SensitiveProgramme programme : programmes) {
			if (programmeCodes.contains(programme.code())) {
				labels.add(programme.label());
			}
		}
		return labels;
	}

	/**
	 * Whether an insuree's labels may go from {@code before} to {@code after}: set at creation by anyone who may
	 * enrol; changed afterwards (a sensitive identifier added first or removed last) only by a sensitive-data
	 * manager giving a reason.
	 */
	public static Optional<ChangeRefusal> change(Set<Label> before, Set<Label> after, boolean manager, boolean reasoned) {
		if (before.equals(after)) {
			return Optional.empty();
		}
		if (!manager) {
			return Optional.of(ChangeRefusal.NOT_MANAGER);
		}
		return reasoned ? Optional.empty() : Optional.of(ChangeRefusal.NO_REASON);
	}

	/** Whether a user granted these labels may see a resource carrying {@code labels}. */
	public static boolean visible(Collection<Label> labels, Set<Label> managed, boolean granted) {
		return granted || labels.stream().noneMatch(managed::contains);
	}
}
