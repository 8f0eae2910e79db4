package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class FamilyEnrolmentHttpTest extends HttpTestBase {

	private static final String RACHLA = "Location/loc-r1d1m1v1";

	@Test
	void aFamilyAndItsMembersAreRegisteredInOneStep() {
		String head = unique("1");
		Parameters request = enrolment(Fixtures.family(RACHLA, true),
				Fixtures.insuree(head, "Mballa", "Joseph", "male", "1980-02-11", true, null),
				Fixtures.insuree(unique("2"), "Mballa", "Clarisse", "female", "1984-09-30", false, "8"),
				Fixtures.insuree(unique("3"), "Mballa", "Junior", "male", "2016-05-05", false, "4"));

		Bundle created = enrol(request);

		Group family = (Group) created.getEntryFirstRep().getResource();
		assertThat(family.getMember()).hasSize(3);
		assertThat(family.getIdentifier()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(head));
		Bundle members = client.search().byUrl("Patient?family-group=Group/" + family.getIdElement().getIdPart())
				.returnBundle(Bundle.class).execute();
		assertThat(members.getEntry()).hasSize(3);
		Bundle byHeadNumber = client.search().byUrl("Group?identifier=https://imis-fhir.org/fhir/sid/family-code|" + head)
				.returnBundle(Bundle.class).execute();
		assertThat(byHeadNumber.getEntry()).hasSize(1);
		Bundle inDistrict = client.search().byUrl("Group?village.partof.partof=Location/loc-r1d1&_id=" + family.getIdElement().getIdPart())
				.returnBundle(Bundle.class).execute();
		assertThat(inDistrict.getEntry()).hasSize(1);
	}

	@Test
	void insureesAreFoundByNameBirthDateAndTheirVillageOrDistrict() {
		String number = unique("V");
		Patient insuree = Fixtures.insuree(number, "Ébodé", "Thérèse", "female", "1969-12-24", true, null);
		insuree.addAddress().addExtension(Fixtures.IG + "address-location-reference",
				new org.hl7.fhir.r4.model.Reference("Location/loc-r2d1m1v1"));
		String id = client.create().resource(insuree).execute().getId().getIdPart();

		assertThat(ids("Patient?name=ebode&birthdate=1969-12-24")).contains(id);
		assertThat(ids("Patient?village=Location/loc-r2d1m1v1")).contains(id);
		assertThat(ids("Patient?village.partof.partof=Location/loc-r2d1")).contains(id);
		assertThat(ids("Patient?village.partof.partof=Location/loc-r1d1")).doesNotContain(id);
	}

	private List<String> ids(String query) {
		return client.search().byUrl(query).count(200).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().getIdPart())
				.toList();
	}

	@Test
	void sendingTheSameEnrolmentThreeTimesCreatesItOnce() {
		String head = unique("4");
		String child = unique("5");
		List<String> ids = new java.util.ArrayList<>();
		for (int attempt = 0; attempt < 3; attempt++) {
			Parameters request = enrolment(Fixtures.family(RACHLA, false),
					Fixtures.insuree(head, "Onana", "Marie", "female", "1975-01-20", true, null),
					Fixtures.insuree(child, "Onana", "Paul", "male", "2012-03-14", false, "4"));
			Bundle created = enrol(request);
			ids.add(created.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList().toString());
		}

		assertThat(ids).containsOnly(ids.get(0));
		Bundle patients = client.search().byUrl("Patient?identifier=" + Fixtures.INSURANCE_NUMBER + "|" + child)
				.returnBundle(Bundle.class).execute();
		assertThat(patients.getEntry()).hasSize(1);
	}

	@Test
	void aFamilyWithTwoHeadsIsRefusedInFrench() throws Exception {
		Parameters request = enrolment(Fixtures.family(RACHLA, false),
				Fixtures.insuree(unique("6"), "Abena", "A", "female", "1970-01-01", true, null),
				Fixtures.insuree(unique("7"), "Abena", "B", "male", "1972-01-01", true, "8"));

		OperationOutcome outcome = refused(request, "fr");

		assertThat(outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode()).isEqualTo("family-head-count");
		assertThat(outcome.getIssueFirstRep().getDetails().getText()).isEqualTo("Une famille a exactement un chef ; celle-ci en a 2.");
	}

	@Test
	void aReservedNumberRefusesTheWholeEnrolment() throws Exception {
		String head = unique("8");
		Parameters request = enrolment(Fixtures.family(RACHLA, false),
				Fixtures.insuree(head, "Bella", "A", "female", "1970-01-01", true, null),
				Fixtures.insuree("999999999", "Bella", "B", "male", "2001-01-01", false, "4"));

		OperationOutcome outcome = refused(request, "en");

		assertThat(outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode()).isEqualTo("insurance-number-reserved");
		Bundle headStored = client.search().byUrl("Patient?identifier=" + Fixtures.INSURANCE_NUMBER + "|" + head)
				.returnBundle(Bundle.class).execute();
		assertThat(headStored.getEntry()).isEmpty();
	}

	@Test
	void aFamilyLivesInAVillage() throws Exception {
		Parameters request = enrolment(Fixtures.family("Location/loc-r1d1", false),
				Fixtures.insuree(unique("9"), "Ekani", "A", "male", "1960-01-01", true, null));

		OperationOutcome outcome = refused(request, "en");

		assertThat(outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode()).isEqualTo("family-village-not-village");
	}

	@Test
	void aSecondInsureeWithTheSameNumberIsADuplicate() throws Exception {
		String number = unique("10");
		client.create().resource(Fixtures.insuree(number, "Owona", "A", "male", "1990-01-01", true, null)).execute();

		HttpResponse<String> response = postJson("/fhir/Patient", fhirContext.newJsonParser().encodeResourceToString(
				Fixtures.insuree(number, "Owona", "B", "male", "1991-01-01", true, null)));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("\"duplicate\"");
	}

	@Test
	void aDeadInsureeNeedsAReason() throws Exception {
		Patient insuree = Fixtures.insuree(unique("12"), "Ndongo", "A", "male", "1940-01-01", true, null);
		org.hl7.fhir.r4.model.Extension status = insuree.addExtension().setUrl("https://imis-fhir.org/fhir/StructureDefinition/insuree-status");
		status.addExtension("status", new org.hl7.fhir.r4.model.CodeType("DE"));

		HttpResponse<String> response = postJson("/fhir/Patient", fhirContext.newJsonParser().encodeResourceToString(insuree));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("status-reason-required");
	}

	private static Parameters enrolment(Group family, Patient... members) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("family").setResource(family);
		for (Patient member : members) {
			parameters.addParameter().setName("member").setResource(member);
		}
		return parameters;
	}

	private Bundle enrol(Parameters request) {
		return client.operation().onType(Group.class).named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
	}

	private OperationOutcome refused(Parameters request, String language) throws Exception {
		HttpResponse<String> response = postJson(
				"/fhir/Group/$enrol", fhirContext.newJsonParser().encodeResourceToString(request), "Accept-Language", language);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}
}
