package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class FamilyChangeHttpTest extends HttpTestBase {

	@Test
	void aMemberIsAddedAndMadeHead() {
		Bundle family = enrolFamily();
		String familyId = family.getEntryFirstRep().getResource().getIdElement().getIdPart();
		String oldHeadId = family.getEntry().get(1).getResource().getIdElement().getIdPart();

		Parameters add = new Parameters();
		add.addParameter().setName("member").setResource(
				Fixtures.insuree(unique("A"), "Fotso", "Grace", "female", "1990-05-01", false, "8"));
		Group withThree = client.operation().onInstance("Group/" + familyId).named("$add-member").withParameters(add)
				.returnResourceType(Group.class).execute();
		String newMemberId = withThree.getMember().get(2).getEntity().getReferenceElement().getIdPart();

		Parameters change = new Parameters();
		change.addParameter().setName("head").setValue(new Reference("Patient/" + newMemberId));
		client.operation().onInstance("Group/" + familyId).named("$change-head").withParameters(change)
				.returnResourceType(Group.class).execute();

		assertThat(withThree.getQuantity()).isEqualTo(3);
		assertThat(isHead(newMemberId)).isTrue();
		assertThat(isHead(oldHeadId)).isFalse();
	}

	@Test
	void theHeadCannotLeaveButAnotherMemberCan() throws Exception {
		Bundle family = enrolFamily();
		String familyId = family.getEntryFirstRep().getResource().getIdElement().getIdPart();
		String headId = family.getEntry().get(1).getResource().getIdElement().getIdPart();
		String childId = family.getEntry().get(2).getResource().getIdElement().getIdPart();

		Parameters removeHead = new Parameters();
		removeHead.addParameter().setName("member").setValue(new Reference("Patient/" + headId));
		HttpResponse<String> refused = postJson("/fhir/Group/" + familyId + "/$remove-member",
				fhirContext.newJsonParser().encodeResourceToString(removeHead), "Accept-Language", "fr");
		Parameters removeChild = new Parameters();
		removeChild.addParameter().setName("member").setValue(new Reference("Patient/" + childId));
		Group after = client.operation().onInstance("Group/" + familyId).named("$remove-member").withParameters(removeChild)
				.returnResourceType(Group.class).execute();

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("family-head-cannot-leave").contains("ne peut pas être retiré");
		assertThat(after.getQuantity()).isEqualTo(1);
		Bundle members = client.search().byUrl("Patient?family-group=Group/" + familyId).returnBundle(Bundle.class).execute();
		assertThat(members.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(headId);
	}

	@Test
	void aChildMovesToAnotherFamilyAndAFamilyMovesVillage() throws Exception {
		Bundle first = enrolFamily();
		Bundle second = enrolFamily();
		String firstId = first.getEntryFirstRep().getResource().getIdElement().getIdPart();
		String secondId = second.getEntryFirstRep().getResource().getIdElement().getIdPart();
		String childId = first.getEntry().get(2).getResource().getIdElement().getIdPart();

		Parameters move = new Parameters();
		move.addParameter().setName("member").setValue(new Reference("Patient/" + childId));
		move.addParameter().setName("to").setValue(new Reference("Group/" + secondId));
		Group target = client.operation().onInstance("Group/" + firstId).named("$move-member").withParameters(move)
				.returnResourceType(Group.class).execute();
		Parameters toVillage = new Parameters();
		toVillage.addParameter().setName("village").setValue(new Reference("Location/loc-r2d3m1v1"));
		client.operation().onInstance("Group/" + secondId).named("$move").withParameters(toVillage)
				.returnResourceType(Group.class).execute();
		Parameters toDistrict = new Parameters();
		toDistrict.addParameter().setName("village").setValue(new Reference("Location/loc-r2d3"));
		HttpResponse<String> refused = postJson("/fhir/Group/" + secondId + "/$move",
				fhirContext.newJsonParser().encodeResourceToString(toDistrict));

		assertThat(target.getQuantity()).isEqualTo(3);
		assertThat(ids("Patient?family-group=Group/" + secondId)).contains(childId);
		assertThat(ids("Patient?family-group=Group/" + firstId)).doesNotContain(childId);
		assertThat(ids("Group?village.partof.partof=Location/loc-r2d3")).contains(secondId);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("family-village-not-village");
	}

	private java.util.List<String> ids(String query) {
		return client.search().byUrl(query).count(200).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().getIdPart())
				.toList();
	}

	private Bundle enrolFamily() {
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v2", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(unique("H"), "Fotso", "Jean", "male", "1975-01-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(unique("K"), "Fotso", "Lea", "female", "2014-01-01", false, "4"));
		return client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
	}

	private boolean isHead(String patientId) {
		Patient patient = client.read().resource(Patient.class).withId(patientId).execute();
		return ((BooleanType) patient.getExtensionByUrl(Fixtures.IG + "patient-is-head").getValue()).booleanValue();
	}
}
