package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.enrolment.OfflineFixtures.ERRORS;
import static org.imisfhir.enrolment.OfflineFixtures.TEMPORARY;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** Temporary numbers (Cameroon, seed 003): allocation to an officer, enrolment offline, permanent numbers on sync. */
class TemporaryNumberHttpTest extends HttpTestBase {

	private static final String RACHLA = "Location/loc-r1d1m1v1";

	@Test
	void anOfficerGetsABlockOfConsecutiveNumbersStoredAsABasic() {
		String officer = OfflineFixtures.officer(client, unique("EO"));
		Parameters in = new Parameters();
		in.addParameter().setName("count").setValue(new org.hl7.fhir.r4.model.IntegerType(3));
		in.addParameter().setName("device").setValue(new org.hl7.fhir.r4.model.StringType("tablet-7"));

		Parameters out = client.operation().onInstance("Practitioner/" + officer).named("$allocate-temporary-numbers")
				.withParameters(in).returnResourceType(Parameters.class).execute();

		List<String> numbers = out.getParameter().stream().filter(p -> "number".equals(p.getName()))
				.map(p -> p.getValue().primitiveValue()).toList();
		assertThat(numbers).hasSize(3).allMatch(n -> n.matches("TMP\\d{8}"));
		long first = Long.parseLong(numbers.get(0).substring(3));
		assertThat(numbers).containsExactly(String.format("TMP%08d", first), String.format("TMP%08d", first + 1), String.format("TMP%08d", first + 2));
		assertThat(OfflineFixtures.value(out, "first").primitiveValue()).isEqualTo(numbers.get(0));
		assertThat(OfflineFixtures.value(out, "last").primitiveValue()).isEqualTo(numbers.get(2));
		Basic block = (Basic) out.getParameter().stream().filter(p -> "block".equals(p.getName())).findFirst().orElseThrow().getResource();
		assertThat(block.getSubject().getReference()).isEqualTo("Practitioner/" + officer);
		Bundle ofOfficer = client.search().byUrl("Basic?subject=Practitioner/" + officer + "&code=temporary-number-block")
				.returnBundle(Bundle.class).execute();
		assertThat(ofOfficer.getEntry()).hasSize(1);

		List<String> next = OfflineFixtures.allocate(client, officer, 2, null);
		assertThat(next.get(0)).isEqualTo(String.format("TMP%08d", first + 3));
	}

	@Test
	void onlyEnrolmentOfficersGetBlocksOfAnAllowedSize() throws Exception {
		String administrator = client.create().resource(Fixtures.officer(unique("CA"), "Claims", "CA")).execute().getId().getIdPart();
		HttpResponse<String> toAdministrator = postJson("/fhir/Practitioner/" + administrator + "/$allocate-temporary-numbers",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"count\",\"valueInteger\":5}]}", "Accept-Language", "fr");
		assertThat(toAdministrator.statusCode()).isEqualTo(422);
		assertThat(reason(toAdministrator)).isEqualTo("temporary-numbers-not-an-officer");
		assertThat(text(toAdministrator)).startsWith("Practitioner/" + administrator + " n'est pas un agent d'enrôlement");

		String officer = OfflineFixtures.officer(client, unique("EO"));
		HttpResponse<String> tooMany = postJson("/fhir/Practitioner/" + officer + "/$allocate-temporary-numbers",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"count\",\"valueInteger\":1001}]}");
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(reason(tooMany)).isEqualTo("temporary-numbers-count");
		assertThat(text(tooMany)).isEqualTo("A block holds 1 to 1,000 temporary numbers (asked: 1,001).");
	}

	@Test
	void membersEnrolledOfflineGetPermanentNumbersAndAreFoundByEither() {
		String officer = OfflineFixtures.officer(client, unique("EO"));
		List<String> numbers = OfflineFixtures.allocate(client, officer, 3, null);
		String surname = unique("Ng");
		String proposed = unique("7");
		Patient head = OfflineFixtures.insuree(numbers.get(0), surname, "Awa", "female", "1985-04-02", true, null);
		Patient child = OfflineFixtures.insuree(numbers.get(1), surname, "Ali", "male", "2015-06-30", false, "4");
		child.addIdentifier().setSystem(Fixtures.INSURANCE_NUMBER).setValue(proposed);
		Parameters request = OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), new Reference("Practitioner/" + officer), head, child);

		Bundle enrolled = enrol(request);

		List<Patient> members = OfflineFixtures.members(enrolled);
		Patient storedHead = members.get(0);
		String permanent = OfflineFixtures.insuranceNumber(storedHead);
		assertThat(permanent).matches("[1-9]\\d{8}");
		Identifier temporary = storedHead.getIdentifier().stream().filter(i -> TEMPORARY.equals(i.getSystem())).findFirst().orElseThrow();
		assertThat(temporary.getValue()).isEqualTo(numbers.get(0));
		assertThat(temporary.getUse()).isEqualTo(Identifier.IdentifierUse.OLD);
		assertThat(temporary.getType().getCodingFirstRep().getCode()).isEqualTo("TMP");
		assertThat(OfflineFixtures.insuranceNumber(members.get(1))).as("a proposed permanent number is confirmed").isEqualTo(proposed);
		Group family = (Group) enrolled.getEntryFirstRep().getResource();
		assertThat(family.getIdentifier()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(permanent));

		String headId = storedHead.getIdElement().getIdPart();
		assertThat(ids("Patient?identifier=" + TEMPORARY + "|" + numbers.get(0))).containsExactly(headId);
		assertThat(ids("Patient?identifier=" + numbers.get(0))).containsExactly(headId);
		assertThat(ids("Patient?identifier=" + Fixtures.INSURANCE_NUMBER + "|" + permanent)).containsExactly(headId);

		Bundle again = enrol(request);
		assertThat(again.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList())
				.as("a re-sent offline enrolment answers the same resources")
				.containsExactlyElementsOf(enrolled.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
	}

	@Test
	void aNumberOfAnotherOfficersBlockIsRefusedAndNothingIsWritten() throws Exception {
		String owner = OfflineFixtures.officer(client, unique("EO"));
		String other = OfflineFixtures.officer(client, unique("EO"));
		List<String> numbers = OfflineFixtures.allocate(client, owner, 1, null);
		Parameters request = OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), new Reference("Practitioner/" + other),
				OfflineFixtures.insuree(numbers.get(0), unique("Fo"), "Eric", "male", "1979-01-01", true, null));

		HttpResponse<String> response = postJson("/fhir/Group/$enrol", fhirContext.newJsonParser().encodeResourceToString(request),
				"Accept-Language", "fr");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(reason(response)).isEqualTo("temporary-number-not-allocated");
		assertThat(text(response)).isEqualTo("Le numéro provisoire " + numbers.get(0) + " n'a pas été attribué à l'agent qui l'envoie.");
		assertThat(ids("Patient?identifier=" + TEMPORARY + "|" + numbers.get(0))).isEmpty();
	}

	@Test
	void aBlockReservedToADeviceIsUsedFromThatDeviceOnly() throws Exception {
		String officer = OfflineFixtures.officer(client, unique("EO"));
		List<String> numbers = OfflineFixtures.allocate(client, officer, 1, "tablet-1");
		Parameters request = OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), new Reference("Practitioner/" + officer),
				OfflineFixtures.insuree(numbers.get(0), unique("De"), "Eve", "female", "1990-01-01", true, null));
		request.addParameter().setName("device").setValue(new org.hl7.fhir.r4.model.StringType("phone-2"));

		HttpResponse<String> fromPhone = postJson("/fhir/Group/$enrol", fhirContext.newJsonParser().encodeResourceToString(request));
		assertThat(fromPhone.statusCode()).isEqualTo(422);
		assertThat(reason(fromPhone)).isEqualTo("temporary-number-other-device");

		request.getParameter().removeIf(p -> "device".equals(p.getName()));
		request.addParameter().setName("device").setValue(new org.hl7.fhir.r4.model.StringType("tablet-1"));
		assertThat(OfflineFixtures.members(enrol(request))).hasSize(1);
	}

	@Test
	void aTemporaryNumberUsedByAnotherPersonIsAConflict() throws Exception {
		String officer = OfflineFixtures.officer(client, unique("EO"));
		List<String> numbers = OfflineFixtures.allocate(client, officer, 1, null);
		Reference sender = new Reference("Practitioner/" + officer);
		enrol(OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), sender,
				OfflineFixtures.insuree(numbers.get(0), unique("Ab"), "Jean", "male", "1970-03-03", true, null)));

		Parameters second = OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), sender,
				OfflineFixtures.insuree(numbers.get(0), unique("Cd"), "Luc", "male", "1972-05-05", true, null));
		HttpResponse<String> response = postJson("/fhir/Group/$enrol", fhirContext.newJsonParser().encodeResourceToString(second));

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(reason(response)).isEqualTo("temporary-number-used");
	}

	@Test
	void aTemporaryNumberIsNeverAPermanentNumber() throws Exception {
		HttpResponse<String> response = postJson("/fhir/Patient", fhirContext.newJsonParser().encodeResourceToString(
				Fixtures.insuree("TMP00000001", "Essono", "A", "male", "1990-01-01", true, null)));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(reason(response)).isEqualTo("insurance-number-temporary");
	}

	private Bundle enrol(Parameters request) {
		return client.operation().onType(Group.class).named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
	}

	private List<String> ids(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().getIdPart()).toList();
	}

	private String reason(HttpResponse<String> response) {
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getDetails().getCoding().stream().filter(c -> ERRORS.equals(c.getSystem()))
				.findFirst().orElseThrow(() -> new AssertionError(response.body())).getCode();
	}

	private String text(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDetails().getText();
	}
}
