package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Renewal proposals take the officer's substitute when the officer no longer works on the renewal date, and keep
 * the warning flags (domain §2.4, decision 0027). Policies enrolled 2023-01-10 expire 2024-02-09; their renewal is
 * entered on 2024-02-10.
 */
class RenewalOfficerHttpTest extends HttpTestBase {

	private static final String DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/policy-details";
	private static final String SUBSTITUTE = Fixtures.IG + "practitioner-role-substitution-reference";

	@Autowired
	private RenewalProposals renewalProposals;

	@Test
	void anOfficerWhoLeftIsReplacedByTheirSubstitute() {
		String substitute = client.create().resource(Fixtures.officer(unique("EO"), "Relais", "EO")).execute().getId().getIdPart();
		PractitionerRole substituteRole = Fixtures.enrolmentOfficerRole("Practitioner/" + substitute, "Location/loc-r1d1m1v1");
		String substituteRoleId = client.create().resource(substituteRole).execute().getId().getIdPart();
		String leaving = client.create().resource(Fixtures.officer(unique("EO"), "Partant", "EO")).execute().getId().getIdPart();
		PractitionerRole leavingRole = Fixtures.enrolmentOfficerRole("Practitioner/" + leaving, "Location/loc-r1d1m1v1");
		leavingRole.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2024-01-31"));
		leavingRole.addExtension(SUBSTITUTE, new Reference("PractitionerRole/" + substituteRoleId));
		client.create().resource(leavingRole).execute();

		Coverage renewal = proposedRenewal(new Reference("Practitioner/" + leaving));

		Extension details = renewal.getExtensionByUrl(DETAILS);
		assertThat(((Reference) details.getExtensionByUrl("officer").getValue()).getReference())
				.isEqualTo("PractitionerRole/" + substituteRoleId);
		assertThat(details.getExtensionByUrl("renewalWarnings")).isNull();
	}

	@Test
	void aRenewalWithoutOfficerIsFlagged() {
		Coverage renewal = proposedRenewal(null);

		Extension details = renewal.getExtensionByUrl(DETAILS);
		assertThat(details.getExtensionByUrl("officer")).isNull();
		assertThat(((IntegerType) details.getExtensionByUrl("renewalWarnings").getValue()).getValue()).isEqualTo(2);
	}

	private Coverage proposedRenewal(Reference officer) {
		String head = unique("W");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Mbida", "A", "male", "1980-01-01", true, null));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2023-01-10"));
		if (officer != null) {
			request.addParameter().setName("officer").setValue(officer);
		}
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		Coverage policy = (Coverage) created.getEntry().get(2).getResource();
		// one adult: 3000 + 200 general assembly = 3200.00
		client.create().resource(ContributionHttpTest.contribution("Coverage/" + policy.getIdElement().getIdPart(), unique("RC"), "3200", "2023-01-15"))
				.execute();

		renewalProposals.proposeDue(java.time.LocalDate.parse("2024-02-01"));

		String family = ((Reference) policy.getExtensionByUrl(DETAILS).getExtensionByUrl("family").getValue()).getReference();
		return client.search().byUrl("Coverage?family=" + family).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> (Coverage) e.getResource())
				.filter(c -> !c.getIdElement().getIdPart().equals(policy.getIdElement().getIdPart()))
				.findFirst().orElseThrow(() -> new AssertionError("no renewal proposed"));
	}
}
