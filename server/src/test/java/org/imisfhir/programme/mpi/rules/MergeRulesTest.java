package org.imisfhir.programme.mpi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

	static final String CHFID = "https://imis-fhir.org/fhir/sid/insurance-number";
	static final String MPI = "https://mpi.example.org/sid/upid";

	@Test
	void familiesDecideWhatHappensToTheSourcesMembership() {
		assertThat(MergePlanner.familyChange(party("1", null, false), party("2", "F", false))).isEqualTo(MergePlanner.FamilyChange.NONE);
		assertThat(MergePlanner.familyChange(party("1", "F", true), party("2", "F", false))).isEqualTo(MergePlanner.FamilyChange.SAME_FAMILY);
		assertThat(MergePlanner.familyChange(party("1", "F", true), party("2", null, false))).isEqualTo(MergePlanner.FamilyChange.TAKE_OVER_MEMBERSHIP);
		assertThat(MergePlanner.familyChange(party("1", "F", false), party("2", "G", false))).isEqualTo(MergePlanner.FamilyChange.LEAVE_SOURCE_FAMILY);
	}

	@Test
	void aHeadCannotLeaveItsFamilyForAnotherAndMergedRecordsAreFinal() {
		assertThat(MergePlanner.refusal(party("1", "F", true), party("2", "G", false))).contains(MergePlanner.Refusal.HEAD_WOULD_LEAVE_FAMILY);
		assertThat(MergePlanner.refusal(party("1", "F", true), party("2", "F", false))).isEmpty();
		assertThat(MergePlanner.refusal(party("1", "F", false), party("2", "G", true))).isEmpty();
		assertThat(MergePlanner.refusal(party("1", null, false), party("1", null, false))).contains(MergePlanner.Refusal.SAME_INSUREE);
		assertThat(MergePlanner.refusal(new MergeParty("1", null, false, true), party("2", null, false)))
				.contains(MergePlanner.Refusal.SOURCE_ALREADY_MERGED);
		assertThat(MergePlanner.refusal(party("1", null, false), new MergeParty("2", null, false, true)))
				.contains(MergePlanner.Refusal.TARGET_RETIRED);
	}

	@Test
	void theSurvivorKeepsTheSourcesNumbersAsOldOrSecondary() {
		List<MergePlanner.Number> source = List.of(
				new MergePlanner.Number(CHFID, "111", null), new MergePlanner.Number(MPI, "UP-1", "official"),
				new MergePlanner.Number(MPI, "UP-9", null));
		List<MergePlanner.Number> target = List.of(new MergePlanner.Number(CHFID, "222", null), new MergePlanner.Number(MPI, "UP-9", null));
		// UP-9 is held already; 111 becomes old, UP-1 secondary
		assertThat(MergePlanner.numbersToAdd(source, target, CHFID)).containsExactly(
				new MergePlanner.Number(CHFID, "111", "old"), new MergePlanner.Number(MPI, "UP-1", "secondary"));
	}

	@Test
	void linkedNumbersMustBeWellFormedAndNotTheSchemesOwn() {
		IdentifierLinkRule rule = new IdentifierLinkRule(MPI, "UP-[0-9]{1,8}", java.util.Set.of(CHFID));
		assertThat(rule.check(MPI, "UP-123")).isEmpty();
		assertThat(rule.check(MPI, "123")).contains(IdentifierLinkRule.Refusal.MPI_NUMBER_FORMAT);
		assertThat(rule.check("https://emr.example.org/sid/mrn", "A 1")).contains(IdentifierLinkRule.Refusal.VALUE_MALFORMED);
		assertThat(rule.check("https://emr.example.org/sid/mrn", "")).contains(IdentifierLinkRule.Refusal.VALUE_MALFORMED);
		assertThat(rule.check("urn:oid:1.3.6.1.4.1.21367.13.20.1000", "A-1")).isEmpty();
		assertThat(rule.check("mrn", "A-1")).contains(IdentifierLinkRule.Refusal.SYSTEM_NOT_URI);
		assertThat(rule.check(CHFID, "111")).contains(IdentifierLinkRule.Refusal.SYSTEM_RESERVED);
		assertThat(rule.typeCode(MPI)).isEqualTo("NI");
		assertThat(rule.typeCode("https://emr.example.org/sid/mrn")).isEqualTo("MR");
	}

	private static MergeParty party(String id, String family, boolean head) {
		return new MergeParty(id, family, head, false);
	}
}
