package org.imisfhir.programme.mpi;

import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.Fixtures;

/** Insurees for the MPI tests, with names no other test (or earlier run) uses. */
final class MpiFixtures {

	static final String MPI = "https://imis-fhir.org/fhir/sid/national-mpi";
	static final String EMR = "https://emr.example.org/fhir/sid/mrn";
	static final String INSURANCE_NUMBER = Fixtures.INSURANCE_NUMBER;
	static final String VILLAGE_1 = "Location/loc-r1d1m1v1";
	static final String VILLAGE_2 = "Location/loc-r1d1m1v2";

	private MpiFixtures() {}

	/** A name of {@code length} letters, capitalised, made of consonant-vowel pairs (so it has a sound). */
	static String name(int length) {
		String consonants = "bdfgklmnprstvz";
		String vowels = "aeiou";
		StringBuilder name = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (name.length() < length) {
			name.append(consonants.charAt(random.nextInt(consonants.length())));
			name.append(vowels.charAt(random.nextInt(vowels.length())));
		}
		String text = name.substring(0, length);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** An insuree living in a village of their own (address extension), not in a family. */
	static Patient insuree(String number, String family, String given, String gender, String birthDate, String village) {
		Patient patient = Fixtures.insuree(number, family, given, gender, birthDate, true, null);
		if (village != null) {
			Address address = patient.addAddress();
			address.addExtension(new Extension(Fixtures.IG + "address-location-reference", new Reference(village)));
		}
		return patient;
	}

	static String number() {
		return "9" + Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
	}
}
