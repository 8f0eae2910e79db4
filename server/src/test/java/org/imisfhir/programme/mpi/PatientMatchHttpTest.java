package org.imisfhir.programme.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.programme.mpi.MpiFixtures.MPI;
import static org.imisfhir.programme.mpi.MpiFixtures.VILLAGE_1;
import static org.imisfhir.programme.mpi.MpiFixtures.VILLAGE_2;
import static org.imisfhir.programme.mpi.MpiFixtures.insuree;
import static org.imisfhir.programme.mpi.MpiFixtures.name;
import static org.imisfhir.programme.mpi.MpiFixtures.number;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * $match on a crafted set: four insurees sharing a family name no one else has, and the person an MPI asks
 * for (weights in MatchScorer; the scores below are worked out in MatchScorerTest's terms).
 */
class PatientMatchHttpTest extends HttpTestBase {

	String family;
	String given;
	String mpiNumber;
	String certain;
	String probable;
	String possible;
	String stranger;

	@BeforeEach
	void craftedSet() {
		family = name(8);
		given = name(8);
		mpiNumber = "UP-" + number();
		// A: the same person, already linked to the MPI number
		certain = create(insuree(number(), family, given, "male", "1985-03-07", VILLAGE_1));
		Parameters link = new Parameters();
		link.addParameter("system", new UriType(MPI));
		link.addParameter("value", new StringType(mpiNumber));
		link.addParameter("reason", new StringType("MPI reconciliation"));
		client.operation().onInstance(certain).named("$link-identifier").withParameters(link).returnResourceType(Patient.class).execute();
		// B: an accent on the first vowel, one letter less in the given name, day and month swapped
		String accented = family.charAt(0) + accent(family.charAt(1)) + family.substring(2);
		probable = create(insuree(number(), accented, given.substring(0, 7), "male", "1985-07-03", VILLAGE_1));
		// C: a brother born the same day in the other village
		possible = create(insuree(number(), family, "Paul", "male", "1985-03-07", VILLAGE_2));
		// D: same family name only, other gender, other date
		stranger = create(insuree(number(), family, "Alice", "female", "1990-01-01", VILLAGE_2));
	}

	@Test
	void theCraftedSetIsRankedBestFirstWithScoresAndGrades() {
		Bundle result = match(person(true), null, null);
		assertThat(result.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		List<String> ids = ids(result);
		// A 0.95 + 0.05 x 1.00 = 1.00 certain; B 0.25 (the accent folds away) + 0.14 + 0.18 + 0.10 + 0.20 = 0.87
		// probable; C 0.25 + 0 + 0.25 + 0.10 + 0 = 0.60 possible; D 0.25 - 0.10 = 0.15 below 0.40, left out
		assertThat(ids).startsWith(certain, probable, possible).doesNotContain(stranger);
		assertThat(result.getEntry().get(0).getSearch().getScore().doubleValue()).isEqualTo(1.0);
		assertThat(result.getEntry().get(1).getSearch().getScore().doubleValue()).isEqualTo(0.87);
		assertThat(result.getEntry().get(2).getSearch().getScore().doubleValue()).isEqualTo(0.6);
		assertThat(grades(result)).startsWith("certain", "probable", "possible");
		assertThat(result.getEntry().get(0).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
	}

	@Test
	void withoutTheMpiNumberTheBestIsOnlyProbable() {
		// A without the shared number: 0.25 + 0.20 + 0.25 + 0.10 + 0.20 = 1.00 but probable (certain needs a number)
		Bundle result = match(person(false), null, null);
		assertThat(ids(result)).startsWith(certain, probable, possible);
		assertThat(grades(result).get(0)).isEqualTo("probable");
		assertThat(result.getEntry().get(0).getSearch().getScore().doubleValue()).isEqualTo(1.0);
	}

	@Test
	void onlyCertainMatchesAndCountNarrowTheAnswer() {
		assertThat(ids(match(person(true), true, null))).containsExactly(certain);
		assertThat(ids(match(person(true), null, 2))).containsExactly(certain, probable);
		assertThat(match(person(false), true, null).getEntry()).isEmpty();
	}

	@Test
	void aVillageNamedInTheAddressCountsLikeTheReference() {
		// the MPI names the village in address.city (in capitals) instead of referencing our Location
		Patient person = person(false);
		person.getAddress().clear();
		String villageName = client.read().resource(org.hl7.fhir.r4.model.Location.class).withUrl(VILLAGE_1).execute().getName();
		person.addAddress().setCity(villageName.toUpperCase());
		Bundle result = match(person, null, null);
		assertThat(ids(result)).startsWith(certain, probable);
		assertThat(result.getEntry().get(1).getSearch().getScore().doubleValue()).isEqualTo(0.87);
	}

	@Test
	void aMatchWithoutAPatientIsRefusedWithACodedReason() throws Exception {
		HttpResponse<String> refused = postJson("/fhir/Patient/$match", "{\"resourceType\":\"Parameters\"}", "Accept-Language", "fr");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("mpi-match-resource-required").contains("Patient recherché");
		HttpResponse<String> tooMany = postJson("/fhir/Patient/$match", """
				{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{"resourceType":"Patient"}},
				{"name":"count","valueInteger":500}]}""");
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(tooMany.body()).contains("mpi-match-count");
	}

	private Patient person(boolean withMpiNumber) {
		Patient person = new Patient();
		if (withMpiNumber) {
			person.addIdentifier().setSystem(MPI).setValue(mpiNumber);
		}
		person.addName().setFamily(family.toUpperCase()).addGiven(given);
		person.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE);
		person.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1985-03-07"));
		Address address = person.addAddress();
		address.addExtension(new Extension(Fixtures.IG + "address-location-reference", new Reference(VILLAGE_1)));
		return person;
	}

	private Bundle match(Patient person, Boolean onlyCertain, Integer count) {
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(person);
		if (onlyCertain != null) {
			in.addParameter("onlyCertainMatches", new BooleanType(onlyCertain));
		}
		if (count != null) {
			in.addParameter("count", new IntegerType(count));
		}
		return client.operation().onType(Patient.class).named("$match").withParameters(in).returnResourceType(Bundle.class).execute();
	}

	private String create(Patient patient) {
		return "Patient/" + client.create().resource(patient).execute().getId().getIdPart();
	}

	private static String accent(char vowel) {
		return String.valueOf("áéíóú".charAt("aeiou".indexOf(vowel)));
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(e -> "Patient/" + e.getResource().getIdElement().getIdPart()).toList();
	}

	private static List<String> grades(Bundle bundle) {
		return bundle.getEntry().stream()
				.map(e -> e.getSearch().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/match-grade").getValue().primitiveValue())
				.toList();
	}
}
