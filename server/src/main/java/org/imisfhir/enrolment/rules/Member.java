package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A family member as the policy value sees it.
 *
 * @param relationship openIMIS relationship code (tblRelations 1-8), null for the head
 * @param registrationOrder position in which the member joined the family, lowest first
 */
public record Member(LocalDate birthDate, Integer relationship, int registrationOrder) {

	/** Relationship code of members who are not relatives ("Others"). */
	public static final int OTHERS = 7;

	public Member {
		Objects.requireNonNull(birthDate, "birth date");
	}

	public boolean isOther() {
		return relationship != null && relationship == OTHERS;
	}

	/** Adult from the birthday on which the member reaches the age of majority (rule-decisions 2). */
	public boolean isAdultOn(LocalDate date, int ageOfMajority) {
		return !birthDate.isAfter(date.minusYears(ageOfMajority));
	}
}
