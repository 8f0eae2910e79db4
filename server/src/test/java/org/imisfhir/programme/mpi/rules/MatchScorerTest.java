package org.imisfhir.programme.mpi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crafted set: one person as an MPI describes them, and stored insurees that are, may be or are not that
 * person. Weights: family 0.25 / similar 0.18; given 0.20 / 0.14; birth date 0.25 / swapped 0.18 / year 0.10;
 * gender +0.10 / -0.10; village 0.20; shared identifier 0.95 + 0.05 x demographic; conflict x 0.5.
 */
class MatchScorerTest {

	static final String MPI = "https://mpi.example.org/sid/upid";
	static final String CHFID = "https://imis-fhir.org/fhir/sid/insurance-number";
	static final String EMR = "https://emr.example.org/sid/mrn";

	final MatchScorer scorer = new MatchScorer(Set.of(MPI, CHFID));

	final MatchSubject input = new MatchSubject(Set.of(MPI + "|UP-1001"), "Mbarga", List.of("Jean-Pierre"), "1985-03-07",
			"male", "V1", null);

	@Test
	void theSameNumberAndTheSamePersonIsCertain() {
		// demographic 0.25 + 0.20 + 0.25 + 0.10 + 0.20 = 1.00 ("MBARGA", "Jean Pierre" normalise equal);
		// shared number: 0.95 + 0.05 x 1.00 = 1.000
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(MPI + "|UP-1001", CHFID + "|111"), "MBARGA",
				List.of("Jean Pierre"), "1985-03-07", "male", "V1", null));
		assertThat(score.score()).isEqualTo(1.0);
		assertThat(score.grade()).isEqualTo(MatchGrade.CERTAIN);
		assertThat(score.reasons()).startsWith("identifier:shared");
	}

	@Test
	void aSharedNumberIsNearCertainEvenWithLittleElseInCommon() {
		// demographic: gender 0.10 only; 0.95 + 0.05 x 0.10 = 0.955
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(MPI + "|UP-1001"), "Ekane", List.of("Paul"),
				"1970-01-01", "male", "V9", null));
		assertThat(score.score()).isEqualTo(0.955);
		assertThat(score.grade()).isEqualTo(MatchGrade.CERTAIN);
	}

	@Test
	void anAccentATypoAndASwappedDayAndMonthAreProbable() {
		// "Mbargá" = "mbarga" exact 0.25; "Jean-Piere" one letter short of "jeanpierre" (10 letters, 2 allowed)
		// similar 0.14; 1985-07-03 is 1985-03-07 with day and month swapped 0.18; male 0.10; V1 0.20 = 0.87
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(), "Mbargá", List.of("Jean-Piere"), "1985-07-03",
				"male", "V1", null));
		assertThat(score.score()).isEqualTo(0.87);
		assertThat(score.grade()).isEqualTo(MatchGrade.PROBABLE);
		assertThat(score.reasons()).containsExactly("family:exact", "given:similar", "birthDate:swapped", "gender:same", "village:same");
	}

	@Test
	void aBrotherBornTheSameDayIsOnlyPossible() {
		// family 0.25, "Paul" different 0, birth date 0.25, male 0.10, other village 0 = 0.60
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(), "Mbarga", List.of("Paul"), "1985-03-07",
				"male", "V2", null));
		assertThat(score.score()).isEqualTo(0.6);
		assertThat(score.grade()).isEqualTo(MatchGrade.POSSIBLE);
	}

	@Test
	void theSameYearAndTheOtherGenderStayPossible() {
		// family 0.25, given 0.20, year only 0.10, female -0.10, V1 0.20 = 0.65
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(), "Mbarga", List.of("Jean-Pierre"), "1985-11-20",
				"female", "V1", null));
		assertThat(score.score()).isEqualTo(0.65);
		assertThat(score.grade()).isEqualTo(MatchGrade.POSSIBLE);
	}

	@Test
	void anotherMpiNumberMeansAnotherPerson() {
		// demographic 1.00 but the candidate holds another national MPI number: 1.00 x 0.5 = 0.50, certainly-not
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(MPI + "|UP-2002"), "Mbarga", List.of("Jean-Pierre"),
				"1985-03-07", "male", "V1", null));
		assertThat(score.score()).isEqualTo(0.5);
		assertThat(score.grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
		assertThat(score.reasons()).startsWith("identifier:conflict");
	}

	@Test
	void anEmrNumberOfAnotherSystemIsNoConflict() {
		// EMR numbers are not single-valued: demographic 1.00 stays, probable (certain needs a shared number)
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(EMR + "|A-1"), "Mbarga", List.of("Jean-Pierre"),
				"1985-03-07", "male", "V1", null));
		assertThat(score.score()).isEqualTo(1.0);
		assertThat(score.grade()).isEqualTo(MatchGrade.PROBABLE);
	}

	@Test
	void namesWrittenTheOtherWayRoundCountAsSimilar() {
		// family "Jean-Pierre", given "Mbarga": family and given similar 0.18 + 0.14, birth 0.25, male 0.10 = 0.67
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(), "Jean-Pierre", List.of("Mbarga"), "1985-03-07",
				"male", null, null));
		assertThat(score.score()).isEqualTo(0.67);
		assertThat(score.reasons()).contains("family:swapped", "given:swapped");
	}

	@Test
	void aStrangerScoresNothing() {
		// nothing in common and the other gender: -0.10 kept at 0
		MatchScore score = scorer.score(input, new MatchSubject(Set.of(), "Nkomo", List.of("Alice"), "1990-01-01",
				"female", "V2", null));
		assertThat(score.score()).isEqualTo(0.0);
		assertThat(score.grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
	}

	@Test
	void aBirthYearAloneMatchesTheYear() {
		// the MPI knows only the year: family 0.25 + given 0.20 + year 0.10 + male 0.10 = 0.65
		MatchSubject yearOnly = new MatchSubject(Set.of(), "Mbarga", List.of("Jean-Pierre"), "1985", "male", null, null);
		MatchScore score = scorer.score(yearOnly, new MatchSubject(Set.of(), "Mbarga", List.of("Jean-Pierre"), "1985-03-07",
				"male", "V1", null));
		assertThat(score.score()).isEqualTo(0.65);
	}

	@Test
	void theVillageIsAlsoRecognisedByName() {
		// input address city "Rapta Village 1" equals the candidate's village name: family 0.25 + village 0.20 = 0.45
		MatchSubject byTown = new MatchSubject(Set.of(), "Mbarga", List.of(), null, null, null, "Rapta village 1");
		MatchScore score = scorer.score(byTown, new MatchSubject(Set.of(), "Mbarga", List.of("Paul"), "1985-03-07",
				"male", "V1", "Rapta Village 1"));
		assertThat(score.score()).isEqualTo(0.45);
	}

	@Test
	void namesAreComparedWithoutCaseAccentsAndSmallTypos() {
		assertThat(NameComparison.normalise("N'Dri-Kouamé")).isEqualTo("ndrikouame");
		assertThat(NameComparison.compare("ÉKANÉ", "ekane")).isEqualTo(NameComparison.Result.EXACT);
		// one swap of neighbours in a 6-letter name
		assertThat(NameComparison.compare("Mbagra", "Mbarga")).isEqualTo(NameComparison.Result.SIMILAR);
		// two edits in a 6-letter name: different (unless they sound alike)
		assertThat(NameComparison.compare("Mbarga", "Mbotta")).isEqualTo(NameComparison.Result.DIFFERENT);
		// sounds the same (Double Metaphone): Philippe / Filipe
		assertThat(NameComparison.compare("Philippe", "Filipe")).isEqualTo(NameComparison.Result.SIMILAR);
		// three letters or fewer must be equal
		assertThat(NameComparison.compare("Ali", "Ala")).isEqualTo(NameComparison.Result.DIFFERENT);
		assertThat(NameComparison.editDistance("jeanpierre", "jeanpiere")).isEqualTo(1);
		assertThat(NameComparison.compareGiven(List.of("Marie Claire"), List.of("Claire"))).isEqualTo(NameComparison.Result.SIMILAR);
	}
}
