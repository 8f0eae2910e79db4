package org.imisfhir.programme.mpi.rules;

import java.util.List;

/**
 * A candidate's score (0 to 1), its grade, and the reasons, one per criterion that counted
 * ({@code family:exact}, {@code birthDate:swapped}, {@code identifier:shared} ...).
 */
public record MatchScore(double score, MatchGrade grade, List<String> reasons) {

	public MatchScore {
		reasons = List.copyOf(reasons);
	}
}
