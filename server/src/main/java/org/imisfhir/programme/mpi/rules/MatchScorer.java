package org.imisfhir.programme.mpi.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scores how likely a stored insuree is the person described to {@code Patient/$match}
 * (docs/integration/mpi.md shows the table).
 *
 * <p>Demographic weights, summed and kept between 0 and 1:
 * <ul>
 *   <li>family name: equal {@value #FAMILY_EXACT}, similar {@value #FAMILY_SIMILAR};
 *   <li>given names: equal {@value #GIVEN_EXACT}, similar {@value #GIVEN_SIMILAR}; family and given names
 *       written the other way round count as similar;
 *   <li>birth date: equal {@value #BIRTH_EXACT}, day and month swapped {@value #BIRTH_SWAPPED}, same year only
 *       {@value #BIRTH_YEAR};
 *   <li>gender: same {@value #GENDER_SAME}, different {@value #GENDER_DIFFERENT};
 *   <li>village: same {@value #VILLAGE_SAME}.
 * </ul>
 * A shared identifier ({@code system|value}) makes the score {@value #SHARED_BASE} plus
 * {@value #SHARED_DEMOGRAPHIC} times the demographic score. A different value in a system where a person has
 * only one (the insurance number, the national MPI number) halves the demographic score and grades the
 * candidate certainly-not. Grades: certain needs a shared identifier; otherwise probable from
 * {@value #PROBABLE}, possible from {@value #POSSIBLE}, else certainly-not.
 */
public final class MatchScorer {

	public static final double FAMILY_EXACT = 0.25;
	public static final double FAMILY_SIMILAR = 0.18;
	public static final double GIVEN_EXACT = 0.20;
	public static final double GIVEN_SIMILAR = 0.14;
	public static final double BIRTH_EXACT = 0.25;
	public static final double BIRTH_SWAPPED = 0.18;
	public static final double BIRTH_YEAR = 0.10;
	public static final double GENDER_SAME = 0.10;
	public static final double GENDER_DIFFERENT = -0.10;
	public static final double VILLAGE_SAME = 0.20;
	public static final double SHARED_BASE = 0.95;
	public static final double SHARED_DEMOGRAPHIC = 0.05;
	public static final double CONFLICT_FACTOR = 0.5;
	public static final double PROBABLE = 0.80;
	public static final double POSSIBLE = 0.60;

	private final Set<String> singleValueSystems;

	/** @param singleValueSystems identifier systems in which a person has one value only */
	public MatchScorer(Set<String> singleValueSystems) {
		this.singleValueSystems = Set.copyOf(singleValueSystems);
	}

	public MatchScore score(MatchSubject input, MatchSubject candidate) {
		List<String> reasons = new ArrayList<>();
		double demographic = names(input, candidate, reasons)
				+ birthDate(input.birthDate(), candidate.birthDate(), reasons)
				+ gender(input.gender(), candidate.gender(), reasons)
				+ village(input, candidate, reasons);
		demographic = Math.max(0, Math.min(1, demographic));

		boolean shared = input.identifiers().stream().anyMatch(candidate.identifiers()::contains);
		if (shared) {
			reasons.add(0, "identifier:shared");
			double score = round(SHARED_BASE + SHARED_DEMOGRAPHIC * demographic);
			return new MatchScore(score, MatchGrade.CERTAIN, reasons);
		}
		if (conflicts(input, candidate)) {
			reasons.add(0, "identifier:conflict");
			return new MatchScore(round(demographic * CONFLICT_FACTOR), MatchGrade.CERTAINLY_NOT, reasons);
		}
		double score = round(demographic);
		MatchGrade grade = score >= PROBABLE ? MatchGrade.PROBABLE : score >= POSSIBLE ? MatchGrade.POSSIBLE : MatchGrade.CERTAINLY_NOT;
		return new MatchScore(score, grade, reasons);
	}

	private boolean conflicts(MatchSubject input, MatchSubject candidate) {
		Set<String> candidateSystems = candidate.systems();
		return input.identifiers().stream()
				.map(MatchSubject::systemOf)
				.anyMatch(system -> singleValueSystems.contains(system) && candidateSystems.contains(system));
	}

	private static double names(MatchSubject input, MatchSubject candidate, List<String> reasons) {
		NameComparison.Result family = NameComparison.compare(input.family(), candidate.family());
		NameComparison.Result given = NameComparison.compareGiven(input.given(), candidate.given());
		if (family == NameComparison.Result.DIFFERENT && given == NameComparison.Result.DIFFERENT) {
			// written the other way round: family name in the given names and the reverse
			NameComparison.Result familyAsGiven = NameComparison.compareGiven(
					nullToEmpty(input.family()), candidate.given());
			NameComparison.Result givenAsFamily = NameComparison.compareGiven(
					input.given(), nullToEmpty(candidate.family()));
			if (familyAsGiven != NameComparison.Result.DIFFERENT && givenAsFamily != NameComparison.Result.DIFFERENT) {
				reasons.add("family:swapped");
				reasons.add("given:swapped");
				return FAMILY_SIMILAR + GIVEN_SIMILAR;
			}
		}
		double points = 0;
		if (family != NameComparison.Result.DIFFERENT) {
			reasons.add("family:" + (family == NameComparison.Result.EXACT ? "exact" : "similar"));
			points += family == NameComparison.Result.EXACT ? FAMILY_EXACT : FAMILY_SIMILAR;
		}
		if (given != NameComparison.Result.DIFFERENT) {
			reasons.add("given:" + (given == NameComparison.Result.EXACT ? "exact" : "similar"));
			points += given == NameComparison.Result.EXACT ? GIVEN_EXACT : GIVEN_SIMILAR;
		}
		return points;
	}

	private static List<String> nullToEmpty(String name) {
		return name == null ? List.of() : List.of(name);
	}

	static double birthDate(String a, String b, List<String> reasons) {
		if (a == null || b == null || a.length() < 4 || b.length() < 4) {
			return 0;
		}
		if (!a.substring(0, 4).equals(b.substring(0, 4))) {
			return 0;
		}
		if (a.length() == 10 && b.length() == 10) {
			if (a.equals(b)) {
				reasons.add("birthDate:exact");
				return BIRTH_EXACT;
			}
			String monthA = a.substring(5, 7);
			String dayA = a.substring(8, 10);
			if (!monthA.equals(dayA) && b.substring(5, 7).equals(dayA) && b.substring(8, 10).equals(monthA)) {
				reasons.add("birthDate:swapped");
				return BIRTH_SWAPPED;
			}
		}
		reasons.add("birthDate:year");
		return BIRTH_YEAR;
	}

	private static double gender(String a, String b, List<String> reasons) {
		if (!known(a) || !known(b)) {
			return 0;
		}
		if (a.equals(b)) {
			reasons.add("gender:same");
			return GENDER_SAME;
		}
		reasons.add("gender:different");
		return GENDER_DIFFERENT;
	}

	private static boolean known(String gender) {
		return gender != null && !gender.equals("unknown");
	}

	private static double village(MatchSubject input, MatchSubject candidate, List<String> reasons) {
		boolean same = input.village() != null && Objects.equals(input.village(), candidate.village());
		if (!same && input.villageName() != null && candidate.villageName() != null) {
			String name = NameComparison.normalise(input.villageName());
			same = !name.isEmpty() && name.equals(NameComparison.normalise(candidate.villageName()));
		}
		if (same) {
			reasons.add("village:same");
			return VILLAGE_SAME;
		}
		return 0;
	}

	private static double round(double score) {
		return BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).doubleValue();
	}
}
