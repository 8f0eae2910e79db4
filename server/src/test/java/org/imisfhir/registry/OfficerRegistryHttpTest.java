package org.imisfhir.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

class OfficerRegistryHttpTest extends HttpTestBase {

	@Test
	void anEnrolmentOfficerServesVillagesWithASubstitute() {
		String officerId = client.create().resource(Fixtures.officer(unique("EO"), "Ngono", "EO")).execute().getId().getIdPart();
		PractitionerRole role = Fixtures.enrolmentOfficerRole("Practitioner/" + officerId, "Location/loc-r1d1m1v1", "Location/loc-r1d1m1v2");
		role.addExtension(Fixtures.IG + "practitioner-role-substitution-reference", new Reference("PractitionerRole/prr-eo0001"));
		role.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2027-06-30"));
		String roleId = client.create().resource(role).execute().getId().getIdPart();

		Bundle inRachla = client.search().byUrl("PractitionerRole?location=Location/loc-r1d1m1v1&_include=PractitionerRole:practitioner")
				.returnBundle(Bundle.class).execute();
		assertThat(inRachla.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(roleId, officerId);
	}

	@Test
	void anEnrolmentOfficerServesOnlyVillages() throws Exception {
		String officerId = client.create().resource(Fixtures.officer(unique("EO"), "Essomba", "EO")).execute().getId().getIdPart();
		PractitionerRole role = Fixtures.enrolmentOfficerRole("Practitioner/" + officerId, "Location/loc-r1d1");

		HttpResponse<String> response = postJson("/fhir/PractitionerRole", fhirContext.newJsonParser().encodeResourceToString(role));

		assertThat(response.statusCode()).isEqualTo(422);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getDetails().getCoding().get(1).getCode()).isEqualTo("officer-village-not-village");
	}

	@Test
	void aClaimAdministratorWorksForAFacility() throws Exception {
		String officerId = client.create().resource(Fixtures.officer(unique("CA"), "Atangana", "CA")).execute().getId().getIdPart();
		PractitionerRole withoutFacility = new PractitionerRole();
		withoutFacility.getMeta().addProfile(Fixtures.PROFILES + "imis-claim-administrator-role");
		withoutFacility.setPractitioner(new Reference("Practitioner/" + officerId));
		withoutFacility.addCode(Fixtures.concept(Fixtures.IG_CODES + "practitioner-qualification-type", "CA"));

		HttpResponse<String> refused = postJson("/fhir/PractitionerRole", fhirContext.newJsonParser().encodeResourceToString(withoutFacility));
		withoutFacility.setOrganization(new Reference("Organization/hf-rths001"));
		String roleId = client.create().resource(withoutFacility).execute().getId().getIdPart();

		assertThat(refused.statusCode()).isEqualTo(422);
		Bundle ofHospital = client.search().byUrl("PractitionerRole?organization=Organization/hf-rths001").returnBundle(Bundle.class).execute();
		assertThat(ofHospital.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(roleId, "prr-ca0001");
	}

	@Test
	void officerCodesAreUniqueAndQualificationsCoded() throws Exception {
		String code = unique("EO");
		client.create().resource(Fixtures.officer(code, "First", "EO")).execute();
		HttpResponse<String> duplicate = postJson(
				"/fhir/Practitioner", fhirContext.newJsonParser().encodeResourceToString(Fixtures.officer(code, "Second", "EO")));
		Practitioner unknownQualification = Fixtures.officer(unique("XX"), "Third", "XX");
		HttpResponse<String> badQualification = postJson(
				"/fhir/Practitioner", fhirContext.newJsonParser().encodeResourceToString(unknownQualification));

		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(badQualification.statusCode()).isEqualTo(422);
	}
}
