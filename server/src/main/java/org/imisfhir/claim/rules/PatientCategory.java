package org.imisfhir.claim.rules;

/**
 * The openIMIS patient-category bitmask: 1 male (also gender other), 2 female, 4 adult, 8 child;
 * 0 on an item or service means anyone.
 */
public final class PatientCategory {

	public static final int MALE = 1;
	public static final int FEMALE = 2;
	public static final int ADULT = 4;
	public static final int CHILD = 8;

	private PatientCategory() {
	}

	public static int of(Gender gender, boolean isAdult) {
		int genderBit = gender == Gender.FEMALE ? FEMALE : MALE;
		return genderBit | (isAdult ? ADULT : CHILD);
	}

	public static boolean allows(int allowedMask, int patientMask) {
		return allowedMask == 0 || (allowedMask & patientMask) == patientMask;
	}
}
