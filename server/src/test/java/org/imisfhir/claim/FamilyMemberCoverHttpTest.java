package org.imisfhir.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.claim.ClaimScenario.ITEM;
import static org.imisfhir.claim.ClaimScenario.line;
import static org.imisfhir.support.Fixtures.contribution;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/**
 * A member who leaves a family (moved to another, or removed) stops being covered by its policies, and policy
 * ceilings count the members covered on the date of care (decision 0027). The PMTA0001 families live in Rapta
 * village 1 and are covered from 2026-04-10 to 2027-04-09 (enrolled 2026-03-10, paid 2026-03-20); claims are for
 * one ampoule of item 0002 (no waiting period) at Rapta Dispensary.
 */
class FamilyMemberCoverHttpTest extends HttpTestBase {

	private static final String MEMBER = "https://imis-fhir.org/fhir/StructureDefinition/policy-member";

	/** An enrolled family: the Group, its members in the order given, and its policy (null without product). */
	private record Family(String group, String code, List<String> members, String policy) {}

	@Test
	void aMovedMemberIsCoveredByTheOldFamilyToTheMoveDateOnly() {
		Family old = enrol("PMTA0001", "Location/loc-r1d1m1v1", true);
		Family uninsured = enrol(null, "Location/loc-r1d1m1v1", false);
		String rose = old.members().get(1);

		Group joined = moveMember(old, rose, uninsured, null, "2026-09-30");

		assertThat(joined.getMember()).extracting(m -> m.getEntity().getReference()).contains(rose);
		assertThat(rows(old.policy())).containsExactly(rose + " .. 2026-09-30 moved to family " + uninsured.code());
		ClaimResponse onTheDay = submit(rose, old.policy(), "2026-09-30");
		assertThat(ClaimResponseReader.stage(onTheDay.getItemFirstRep(), "1")).as("the move date is still covered").isEmpty();
		assertThat(onTheDay.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo(old.policy());
		assertThat(rejection(submit(rose, old.policy(), "2026-10-01"))).as("no policy covers her after the move").isEqualTo("7");
	}

	@Test
	void aMemberMovedToAnInsuredFamilyIsCoveredByItsPolicyFromTheMoveDate() {
		Family old = enrol("PMTA0001", "Location/loc-r1d1m1v1", true);
		Family insured = enrol("PMTA0001", "Location/loc-r1d1m1v1", true);
		String rose = old.members().get(1);

		moveMember(old, rose, insured, null, "2026-09-30");

		assertThat(rows(insured.policy())).containsExactly(rose + " 2026-09-30 .. joined the family");
		ClaimResponse before = submit(rose, insured.policy(), "2026-09-29");
		assertThat(ClaimResponseReader.stage(before.getItemFirstRep(), "1")).isEmpty();
		assertThat(before.getInsuranceFirstRep().getCoverage().getReference()).as("care before the move: the old family's policy")
				.isEqualTo(old.policy());
		ClaimResponse after = submit(rose, insured.policy(), "2026-10-01");
		assertThat(ClaimResponseReader.stage(after.getItemFirstRep(), "1")).isEmpty();
		assertThat(after.getInsuranceFirstRep().getCoverage().getReference()).as("care after the move: the new family's policy")
				.isEqualTo(insured.policy());
	}

	@Test
	void aMoveMayKeepTheOldCover() {
		Family old = enrol("PMTA0001", "Location/loc-r1d1m1v1", true);
		Family uninsured = enrol(null, "Location/loc-r1d1m1v1", false);
		String rose = old.members().get(1);

		moveMember(old, rose, uninsured, false, "2026-09-30");

		assertThat(rows(old.policy())).containsExactly(rose + " .. moved to family " + uninsured.code() + ", cover kept");
		ClaimResponse after = submit(rose, old.policy(), "2026-10-01");
		assertThat(ClaimResponseReader.stage(after.getItemFirstRep(), "1")).as("still covered by the old family's policy").isEmpty();
		assertThat(after.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo(old.policy());
	}

	@Test
	void thePolicyCeilingCountsTheMembersCoveredOnTheDateOfCare() {
		// FCUL0001: policy ceiling 300 000, +50 000 per member above 4, at most 600 000. Enrolled 2026-03-10 with six
		// members, covered 2026-06-01 to 2027-05-31. Nothing claimed yet, so the ceiling left is the ceiling.
		// One member removed on 2026-08-31, another moved out on 2026-09-15:
		// 2026-08-31: 6 covered, 300 000 + 2 x 50 000 = 400 000
		// 2026-09-01: 5 covered, 350 000
		// 2026-09-16: 4 covered, 300 000
		Family family = enrolSix();
		Family elsewhere = enrol(null, "Location/loc-r2d3m1v1", false);
		String head = family.members().get(0);
		assertThat(totalCeiling(head, "2026-08-31")).isEqualTo("400000");

		Parameters remove = new Parameters();
		remove.addParameter().setName("member").setValue(new Reference(family.members().get(5)));
		remove.addParameter().setName("date").setValue(new DateType("2026-08-31"));
		client.operation().onInstance(family.group()).named("$remove-member").withParameters(remove).returnResourceType(Group.class).execute();
		moveMember(family, family.members().get(4), elsewhere, null, "2026-09-15");

		assertThat(rows(family.policy())).containsExactlyInAnyOrder(
				family.members().get(5) + " .. 2026-08-31 removed from the family",
				family.members().get(4) + " .. 2026-09-15 moved to family " + elsewhere.code());
		assertThat(totalCeiling(head, "2026-08-31")).isEqualTo("400000");
		assertThat(totalCeiling(head, "2026-09-01")).isEqualTo("350000");
		assertThat(totalCeiling(head, "2026-09-15")).isEqualTo("350000");
		assertThat(totalCeiling(head, "2026-09-16")).isEqualTo("300000");
	}

	private Family enrolSix() {
		String head = ClaimScenario.code("F");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r2d3m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Ewane", "Jean", "male", "1975-01-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "1", "Ewane", "Rose", "female", "1978-01-01", false, "8"));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "2", "Ewane", "Luc", "male", "2008-01-01", false, "4"));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "3", "Ewane", "Anne", "female", "2010-01-01", false, "4"));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "4", "Ewane", "Marc", "male", "2012-01-01", false, "4"));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "5", "Ewane", "Eve", "female", "2014-01-01", false, "4"));
		return enrolled(request, head, "FCUL0001");
	}

	/** A family of a head and an adult spouse, on the product when given (paid in full on 2026-03-20). */
	private Family enrol(String product, String village, boolean withSpouse) {
		String head = ClaimScenario.code("M");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family(village, false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Ndongo", "Paul", "male", "1980-03-01", true, null));
		if (withSpouse) {
			request.addParameter().setName("member").setResource(Fixtures.insuree(head + "1", "Ndongo", "Rose", "female", "1988-06-01", false, "8"));
		}
		return enrolled(request, head, product);
	}

	private Family enrolled(Parameters request, String head, String product) {
		if (product != null) {
			request.addParameter("product", new StringType(product));
			request.addParameter("enrolDate", new DateType("2026-03-10"));
		}
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		String group = null;
		String policy = null;
		List<String> members = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : created.getEntry()) {
			String reference = entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart();
			if (entry.getResource() instanceof Group) {
				group = reference;
			} else if (entry.getResource() instanceof Patient) {
				members.add(reference);
			} else if (entry.getResource() instanceof Coverage coverage) {
				policy = reference;
				Money value = (Money) coverage.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/policy-details")
						.getExtensionByUrl("value").getValue();
				String receipt = ClaimScenario.code("RC");
				PaymentNotice paid = contribution(policy, receipt, value.getValue().toPlainString(), "2026-03-20");
				paid.getIdentifierFirstRep().setValue(product + "|" + receipt);
				client.create().resource(paid).execute();
			}
		}
		return new Family(group, head, members, policy);
	}

	private Group moveMember(Family from, String member, Family to, Boolean endCover, String date) {
		Parameters move = new Parameters();
		move.addParameter().setName("member").setValue(new Reference(member));
		move.addParameter().setName("to").setValue(new Reference(to.group()));
		if (endCover != null) {
			move.addParameter().setName("endCover").setValue(new BooleanType(endCover));
		}
		move.addParameter().setName("date").setValue(new DateType(date));
		return client.operation().onInstance(from.group()).named("$move-member").withParameters(move).returnResourceType(Group.class).execute();
	}

	private List<String> rows(String policy) {
		return client.read().resource(Coverage.class).withId(policy).execute().getExtensionsByUrl(MEMBER).stream()
				.map(InsureeStatusHttpTest::describe).toList();
	}

	private ClaimResponse submit(String patient, String policy, String date) {
		Claim claim = ClaimScenario.of(patient, policy).claim(ClaimScenario.code("CL"), date, date);
		line(claim, ITEM, "0002", "1", "250");
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(claim);
		return client.operation().onType("Claim").named("$submit").withParameters(in).returnResourceType(ClaimResponse.class).execute();
	}

	private static String rejection(ClaimResponse response) {
		return ClaimResponseReader.stage(response.getItemFirstRep(), "1").orElseThrow().getReason().getCodingFirstRep().getCode();
	}

	private String totalCeiling(String patient, String date) {
		CoverageEligibilityRequest enquiry = new CoverageEligibilityRequest();
		enquiry.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
		enquiry.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
		enquiry.setPatient(new Reference(patient));
		enquiry.setServiced(new DateType(date));
		enquiry.setCreated(new Date());
		enquiry.setInsurer(new Reference("Organization/org-scheme"));
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(enquiry);
		CoverageEligibilityResponse response = client.operation().onType("CoverageEligibilityRequest").named("$submit").withParameters(in)
				.returnResourceType(CoverageEligibilityResponse.class).execute();
		assertThat(response.getInsurance()).as("one policy in force on " + date).hasSize(1);
		return response.getInsuranceFirstRep().getItemFirstRep().getBenefit().stream()
				.filter(benefit -> "total_ceiling".equals(benefit.getType().getCodingFirstRep().getCode()))
				.map(benefit -> ((Money) benefit.getAllowed()).getValue().stripTrailingZeros().toPlainString())
				.findFirst().orElseThrow();
	}
}
