package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Policies, contributions, eligibility, facilities, claim responses and claim feedback under district and
 * facility scope, and the Provenance of the changes of money. Two families: one in Rachla (district R1D1,
 * Rapta) on product PMTA0001, one in Mora (district R2D1, Rajo) on FCUL0001, each with a contribution and
 * a claim submitted at a facility of its district (Rapta Dispensary RTDI001, Rajo Dispensary RJDI001).
 */
class ScopedRecordsHttpTest extends TokenHttpTestBase {

	static final String SERVICE = "https://imis-fhir.org/fhir/sid/service-code";

	@Autowired
	FhirContext fhirContext;

	/** Sets everything up, limited to no district: enrols, pays, enters and submits claims, asks feedback. */
	private final String admin = token("scope-setup", List.of("clerk", "claim-administrator", "medical-officer"), List.of(), null);
	private final String officerRapta = user("officer-rapta", "enrolment-officer", "R1D1", null);
	private final String officerRajo = user("officer-rajo", "enrolment-officer", "R2D1", null);
	private final String medicalRapta = user("medical-rapta", "medical-officer", "R1D1", null);
	private final String medicalRajo = user("medical-rajo", "medical-officer", "R2D1", null);
	/** Works at Rapta Health Centre, not at the dispensary where the Rapta claim was made. */
	private final String healthCentre = user("claims-rthc", "claim-administrator", "R1D1", "RTHC001");
	private final String receptionistRajo = user("reception-rajo", "receptionist", "R2D1", null);
	private final String schemeAdminRajo = user("scheme-rajo", "scheme-administrator", "R2D1", null);
	private final String imisAdmin = token("audit-reader", List.of("imis-administrator"), List.of(), null);

	private static Side rapta;
	private static Side rajo;

	/** One family's records. */
	record Side(String family, String head, String number, String policy, String contribution, String claim,
			String claimResponse, String prompt) {}

	@BeforeEach
	void twoSides() throws Exception {
		if (rapta == null) {
			// the Rajo policy is not paid in full: its claim is rejected, but has its ClaimResponse all the same
			Side rajoSide = side("Location/loc-r2d1m1v1", "FCUL0001", "100", "Organization/hf-rjdi001", false);
			rapta = side("Location/loc-r1d1m1v1", "PMTA0001", "4900", "Organization/hf-rtdi001", true);
			rajo = rajoSide;
		}
	}

	@Test
	void policiesAndContributionsFollowTheirFamily() throws Exception {
		assertThat(status("GET", "Coverage/" + rapta.policy, officerRapta)).isEqualTo(200);
		assertThat(status("GET", "PaymentNotice/" + rapta.contribution, officerRapta)).isEqualTo(200);
		HttpResponse<String> policy = send("GET", "/fhir/Coverage/" + rajo.policy, null, officerRapta);
		assertThat(policy.statusCode()).isEqualTo(403);
		assertThat(policy.body()).contains("\"code\":\"out-of-scope\"");
		assertThat(status("GET", "PaymentNotice/" + rajo.contribution, officerRapta)).isEqualTo(403);
		assertThat(status("GET", "Coverage/" + rajo.policy, officerRajo)).isEqualTo(200);

		assertThat(ids("Coverage?_id=" + rapta.policy + "," + rajo.policy, officerRapta)).containsExactly(rapta.policy);
		assertThat(ids("PaymentNotice?_id=" + rapta.contribution + "," + rajo.contribution, officerRajo))
				.containsExactly(rajo.contribution);
		assertThat(ids("Coverage?beneficiary.identifier=" + org.imisfhir.enrolment.EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM + "%7C" + rajo.number, officerRapta)).isEmpty();
		assertThat(ids("Coverage?beneficiary.identifier=" + org.imisfhir.enrolment.EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM + "%7C" + rajo.number, officerRajo)).containsExactly(rajo.policy);
		assertThat(ids("PaymentNotice?request=Coverage/" + rajo.policy, officerRapta)).isEmpty();
		assertThat(ids("PaymentNotice?request.family=Group/" + rajo.family, officerRapta)).isEmpty();
	}

	@Test
	void includesRevincludesHistoryAndPagesLeakNoPolicyOrContribution() throws Exception {
		// the scheme is not scoped: what refers to it is
		List<String> scheme = ids("Organization?_id=org-scheme&_revinclude=ClaimResponse:insurer&_count=500", officerRapta);
		assertThat(scheme).contains("org-scheme").doesNotContain(rajo.claimResponse);
		assertThat(ids("Group?_id=" + rapta.family + "&_revinclude=Coverage:family", officerRapta))
				.contains(rapta.family, rapta.policy);
		assertThat(ids("PaymentNotice?_id=" + rapta.contribution + "&_include=PaymentNotice:request", officerRapta))
				.contains(rapta.contribution, rapta.policy);

		assertThat(ids("CoverageEligibilityRequest?_count=5", receptionistRajo)).isNotNull();
		assertThat(status("GET", "Coverage/" + rajo.policy + "/_history", officerRapta)).isEqualTo(403);
		assertThat(status("GET", "PaymentNotice/" + rajo.contribution + "/_history/1", officerRapta)).isEqualTo(403);
		assertThat(ids("Coverage/" + rapta.policy + "/_history", officerRapta)).isNotEmpty();

		List<String> everyPage = allPages("PaymentNotice?_count=1", officerRapta);
		assertThat(everyPage).contains(rapta.contribution).doesNotContain(rajo.contribution);
	}

	@Test
	void policiesAndContributionsAreWrittenOnlyInTheDistricts() throws Exception {
		HttpResponse<String> outside = send("POST", "/fhir/PaymentNotice",
				json(contribution("Coverage/" + rajo.policy, "FCUL0001", "50", "2026-03-12")), officerRapta);
		assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
		assertThat(outside.body()).contains("\"code\":\"out-of-scope\"");
		assertThat(ids("PaymentNotice?request=Coverage/" + rajo.policy, admin)).containsExactly(rajo.contribution);

		HttpResponse<String> inside = send("POST", "/fhir/PaymentNotice",
				json(contribution("Coverage/" + rajo.policy, "FCUL0001", "50", "2026-03-12")), officerRajo);
		assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
	}

	@Test
	void claimResponsesAndFeedbackFollowTheirClaim() throws Exception {
		assertThat(status("GET", "ClaimResponse/" + rajo.claimResponse, medicalRajo)).isEqualTo(200);
		assertThat(status("GET", "ClaimResponse/" + rapta.claimResponse, medicalRajo)).isEqualTo(403);
		assertThat(ids("ClaimResponse?_id=" + rapta.claimResponse + "," + rajo.claimResponse, medicalRajo))
				.containsExactly(rajo.claimResponse);
		assertThat(ids("ClaimResponse?request=Claim/" + rapta.claim, medicalRajo)).isEmpty();

		// a facility user sees the claims of their own facility only: the Rapta claim is the dispensary's
		assertThat(ids("ClaimResponse?_id=" + rapta.claimResponse, healthCentre)).isEmpty();
		assertThat(status("GET", "ClaimResponse/" + rapta.claimResponse, healthCentre)).isEqualTo(403);

		assertThat(ids("CommunicationRequest?about=Claim/" + rapta.claim, medicalRapta)).containsExactly(rapta.prompt);
		assertThat(ids("CommunicationRequest?about=Claim/" + rapta.claim, medicalRajo)).isEmpty();
		assertThat(status("GET", "CommunicationRequest/" + rapta.prompt, medicalRajo)).isEqualTo(403);
		assertThat(ids("Claim?_id=" + rajo.claim + "&_revinclude=ClaimResponse:request", medicalRajo))
				.containsExactlyInAnyOrder(rajo.claim, rajo.claimResponse);
		assertThat(ids("Claim?_id=" + rapta.claim + "," + rajo.claim + "&_revinclude=CommunicationRequest:about", medicalRapta))
				.containsExactlyInAnyOrder(rapta.claim, rapta.prompt);

		HttpResponse<String> feedback = send("POST", "/fhir/Communication", json(feedback(rapta)), officerRajo);
		assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(403);
		assertThat(ids("Communication?about=Claim/" + rapta.claim, admin)).isEmpty();
	}

	@Test
	void facilitiesAreSeenAndWrittenInTheirDistricts() throws Exception {
		assertThat(status("GET", "Organization/hf-rjdi001", officerRajo)).isEqualTo(200);
		assertThat(status("GET", "Organization/hf-rtdi001", officerRajo)).isEqualTo(403);
		assertThat(status("GET", "Organization/payer-pgov01", officerRajo)).isEqualTo(200);

		assertThat(ids("Organization?type=prov&_count=100", officerRajo)).contains("hf-rjdi001")
				.doesNotContain("hf-rtdi001", "hf-rthc001", "hf-jbhc001", "hf-vdhs001");
		assertThat(ids("Organization?_count=100", officerRajo)).contains("hf-rjdi001", "payer-pgov01", "org-scheme")
				.doesNotContain("hf-rtdi001", "hf-vdhs001");
		assertThat(ids("Organization?type=prov&_count=100", healthCentre)).containsExactly("hf-rthc001");
		assertThat(ids("Claim?_id=" + rapta.claim + "&_include=Claim:provider", officerRapta))
				.containsExactlyInAnyOrder(rapta.claim, "hf-rtdi001");
		assertThat(ids("Claim?_id=" + rapta.claim + "&_include=Claim:provider", officerRajo)).isEmpty();

		String raptaDispensary = send("GET", "/fhir/Organization/hf-rtdi001", null, admin).body();
		assertThat(send("PUT", "/fhir/Organization/hf-rtdi001", raptaDispensary, schemeAdminRajo).statusCode()).isEqualTo(403);
		String rajoDispensary = send("GET", "/fhir/Organization/hf-rjdi001", null, admin).body();
		HttpResponse<String> own = send("PUT", "/fhir/Organization/hf-rjdi001", rajoDispensary, schemeAdminRajo);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	@Test
	void eligibilityIsAnsweredForInsureesInTheDistrictsOnly() throws Exception {
		HttpResponse<String> outside = send("POST", "/fhir/CoverageEligibilityRequest/$submit", enquiry(rapta.number),
				receptionistRajo);
		assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
		assertThat(outside.body()).contains("\"code\":\"out-of-scope\"").contains("Patient/" + rapta.head)
				.doesNotContain("\"resourceType\":\"CoverageEligibilityResponse\"");

		HttpResponse<String> inside = send("POST", "/fhir/CoverageEligibilityRequest/$submit", enquiry(rajo.number),
				receptionistRajo);
		assertThat(inside.statusCode()).as(inside.body()).isEqualTo(200);
		assertThat(inside.body()).contains("CoverageEligibilityResponse").contains("Patient/" + rajo.head);
	}

	@Test
	void everythingIsNotServedToAnyRole() throws Exception {
		for (String path : List.of("Patient/" + rapta.head + "/$everything", "Group/" + rapta.family + "/$everything")) {
			HttpResponse<String> response = send("GET", "/fhir/" + path, null, officerRapta);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(400, 403, 404);
			assertThat(response.body()).doesNotContain("\"resourceType\":\"Bundle\"");
		}
		assertThat(status("GET", "Patient/" + rapta.head + "/$everything", admin)).isIn(400, 403, 404);
	}

	@Test
	void aContributionHasItsProvenanceWithUserRolesVersionsAndActivity() throws Exception {
		Provenance provenance = onlyProvenance("PaymentNotice/" + rapta.contribution);

		assertThat(provenance.getActivity().getCodingFirstRep().getSystem())
				.isEqualTo("https://imis-fhir.org/fhir/CodeSystem/provenance-activity");
		assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("contribution");
		// the contribution of 4900 = the policy's value activated it: both changed in the one transaction
		assertThat(targets(provenance)).contains("PaymentNotice/" + rapta.contribution + "/_history/1")
				.anyMatch(target -> target.startsWith("Coverage/" + rapta.policy + "/_history/"));
		assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("scope-setup");
		assertThat(provenance.getAgentFirstRep().getRole()).extracting(role -> role.getCodingFirstRep().getCode())
				.containsExactlyInAnyOrder("clerk", "claim-administrator", "medical-officer");
		assertThat(provenance.getRecorded()).isAfter(Date.from(Instant.now().minusSeconds(3600)));

		List<Provenance> enrolments = provenances("Coverage/" + rapta.policy).stream()
				.filter(p -> p.getActivity().getCodingFirstRep().getCode().equals("enrol")).toList();
		assertThat(enrolments).hasSize(1);
		Provenance enrolment = enrolments.get(0);
		assertThat(targets(enrolment)).contains("Coverage/" + rapta.policy + "/_history/1");
		assertThat(targets(enrolment)).contains("Group/" + rapta.family + "/_history/1");
	}

	@Test
	void aClaimSubmitHasItsProvenanceAndAReturnItsReason() throws Exception {
		Provenance submit = onlyProvenance("ClaimResponse/" + rapta.claimResponse);
		assertThat(submit.getActivity().getCoding()).extracting(Coding::getCode).contains("claim-submit", "Claim/$submit");
		assertThat(targets(submit)).anyMatch(target -> target.startsWith("Claim/" + rapta.claim + "/_history/"));

		String claim = create(claim(rapta, "Organization/hf-rtdi001", "2026-09-20"), admin);
		operation("Claim/" + claim + "/$submit", new Parameters(), admin);
		Parameters reason = new Parameters();
		reason.addParameter("reason", new StringType("Dates of care missing on the paper form"));
		operation("Claim/" + claim + "/$return", reason, admin);

		List<Provenance> changes = provenances("Claim/" + claim);
		assertThat(changes).extracting(p -> p.getActivity().getCodingFirstRep().getCode())
				.containsExactlyInAnyOrder("claim-submit", "claim-return");
		Provenance returned = changes.stream()
				.filter(p -> p.getActivity().getCodingFirstRep().getCode().equals("claim-return")).findFirst().orElseThrow();
		assertThat(returned.getReasonFirstRep().getText()).isEqualTo("Dates of care missing on the paper form");
	}

	@Test
	void provenanceCannotBeWrittenOrDeletedThroughTheApi() throws Exception {
		Provenance provenance = onlyProvenance("PaymentNotice/" + rapta.contribution);
		String id = provenance.getIdElement().getIdPart();
		provenance.getActivity().getCodingFirstRep().setCode("renew");

		HttpResponse<String> update = send("PUT", "/fhir/Provenance/" + id, json(provenance), imisAdmin);
		assertThat(update.statusCode()).isEqualTo(403);
		assertThat(update.body()).contains("\"code\":\"audit-read-only\"");
		assertThat(send("DELETE", "/fhir/Provenance/" + id, null, imisAdmin).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/fhir/Provenance", json(provenance.setId((String) null)), admin).statusCode()).isEqualTo(403);
		assertThat(onlyProvenance("PaymentNotice/" + rapta.contribution).getActivity().getCodingFirstRep().getCode())
				.isEqualTo("contribution");
		// officers and clerks do not read the audit trail
		assertThat(status("GET", "Provenance?target=PaymentNotice/" + rapta.contribution, officerRapta)).isEqualTo(403);
	}

	// --- set-up

	private Side side(String village, String product, String paid, String facility, boolean askFeedback) throws Exception {
		String number = "8" + digits(8);
		Parameters enrol = new Parameters();
		enrol.addParameter().setName("family").setResource(Fixtures.family(village, false));
		enrol.addParameter().setName("member").setResource(Fixtures.insuree(number, "Scope", "Head", "female", "1990-02-01", true, null));
		enrol.addParameter("product", new StringType(product));
		enrol.addParameter("enrolDate", new DateType("2026-03-10"));
		Bundle enrolled = (Bundle) operation("Group/$enrol", enrol, admin);
		String family = idOf(enrolled, "Group");
		String head = idOf(enrolled, "Patient");
		String policy = idOf(enrolled, "Coverage");
		String contribution = create(contribution("Coverage/" + policy, product, paid, "2026-03-20"), admin);

		Side partial = new Side(family, head, number, policy, contribution, null, null, null);
		String claim = create(claim(partial, facility, "2026-09-14"), admin);
		operation("Claim/" + claim + "/$submit", new Parameters(), admin);
		if (!askFeedback) {
			return new Side(family, head, number, policy, contribution, claim, "cr-" + claim, null);
		}
		Parameters select = new Parameters();
		select.addParameter("for", new CodeType("feedback"));
		select.addParameter("claim", new Reference("Claim/" + claim));
		operation("Claim/$select", select, admin);
		List<String> prompts = ids("CommunicationRequest?about=Claim/" + claim, admin);
		assertThat(prompts).as("feedback prompt of " + claim).hasSize(1);
		return new Side(family, head, number, policy, contribution, claim, "cr-" + claim, prompts.get(0));
	}

	private static PaymentNotice contribution(String policy, String product, String amount, String payDate) {
		PaymentNotice notice = Fixtures.contribution(policy, digits(6), amount, payDate);
		notice.getIdentifierFirstRep().setValue(product + "|" + notice.getPayment().getIdentifier().getValue());
		return notice;
	}

	private static Claim claim(Side side, String facility, String day) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue("SC" + digits(6));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding(
				"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference("Patient/" + side.head));
		claim.getBillablePeriod().setStartElement(new DateTimeType(day));
		claim.setCreatedElement(new DateTimeType(day));
		claim.setProvider(new Reference(facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + side.policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(new Coding(
				"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		Claim.ItemComponent item = claim.addItem().setSequence(1);
		item.setCategory(new CodeableConcept(new Coding(
				"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "service", null)));
		item.getProductOrService().addCoding(new Coding(SERVICE, "C11", null));
		item.getQuantity().setValue(BigDecimal.ONE);
		item.setUnitPrice(new Money().setValue(new BigDecimal("15000")).setCurrency("XAF"));
		return claim;
	}

	private static Communication feedback(Side side) {
		Communication feedback = new Communication();
		feedback.setStatus(Communication.CommunicationStatus.COMPLETED);
		feedback.setSubject(new Reference("Patient/" + side.head));
		feedback.addAbout(new Reference("Claim/" + side.claim));
		for (String[] answer : List.of(new String[] {"CareRendered", "yes"}, new String[] {"PaymentAsked", "no"},
				new String[] {"DrugPrescribed", "yes"}, new String[] {"DrugReceived", "yes"}, new String[] {"Asessment", "4"})) {
			Communication.CommunicationPayloadComponent payload = feedback.addPayload();
			payload.addExtension("https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/communication-payload-type",
					new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/feedback-payload",
							answer[0], null)));
			payload.setContent(new StringType(answer[1]));
		}
		return feedback;
	}

	private String enquiry(String insuranceNumber) {
		CoverageEligibilityRequest enquiry = new CoverageEligibilityRequest();
		enquiry.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
		enquiry.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
		enquiry.setPatient(new Reference().setIdentifier(new Identifier()
				.setSystem(Fixtures.INSURANCE_NUMBER).setValue(insuranceNumber)));
		enquiry.setServiced(new DateType("2026-08-10"));
		enquiry.setCreated(new Date());
		enquiry.setInsurer(new Reference("Organization/org-scheme"));
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(enquiry);
		return json(in);
	}

	// --- helpers

	private static String user(String username, String role, String district, String facility) {
		return token(username, List.of(role), List.of(district), facility);
	}

	/** Valid for two hours: the test instance is made before the application starts, which can take minutes. */
	private static String token(String username, List<String> roles, List<String> districts, String facility) {
		return issuer.token(username, roles, districts, facility, TokenIssuer.ISSUER, TokenIssuer.AUDIENCE,
				Instant.now().plusSeconds(7200), false);
	}

	private String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private int status(String method, String path, String token) throws Exception {
		return send(method, "/fhir/" + path, null, token).statusCode();
	}

	private String create(IBaseResource resource, String token) throws Exception {
		HttpResponse<String> response = send("POST", "/fhir/" + resource.fhirType(), json(resource), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return fhirContext.newJsonParser().parseResource(response.body()).getIdElement().getIdPart();
	}

	private IBaseResource operation(String path, Parameters parameters, String token) throws Exception {
		HttpResponse<String> response = send("POST", "/fhir/" + path, json(parameters), token);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(response.body());
	}

	private static String idOf(Bundle bundle, String type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(resource -> resource != null && resource.fhirType().equals(type))
				.findFirst().orElseThrow().getIdElement().getIdPart();
	}

	private Bundle bundle(String pathAndQuery, String token) throws Exception {
		HttpResponse<String> response = send("GET", pathAndQuery, null, token, "Cache-Control", "no-cache");
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	private List<String> ids(String query, String token) throws Exception {
		return ids(bundle("/fhir/" + query, token));
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream()
				.filter(entry -> entry.getResource() != null)
				.map(entry -> entry.getResource().getIdElement().getIdPart())
				.toList();
	}

	/** Follows the next links: every page a user may turn to. */
	private List<String> allPages(String query, String token) throws Exception {
		List<String> found = new ArrayList<>();
		Bundle page = bundle("/fhir/" + query, token);
		for (int pages = 0; pages < 500; pages++) {
			found.addAll(ids(page));
			Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
			if (next == null) {
				break;
			}
			String url = next.getUrl();
			page = bundle(url.substring(url.indexOf("/fhir")), token);
		}
		return found;
	}

	private List<Provenance> provenances(String target) throws Exception {
		Bundle found = bundle("/fhir/Provenance?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8), imisAdmin);
		return found.getEntry().stream().map(entry -> (Provenance) entry.getResource()).toList();
	}

	private Provenance onlyProvenance(String target) throws Exception {
		List<Provenance> found = provenances(target);
		assertThat(found).as("Provenance of " + target).hasSize(1);
		return found.get(0);
	}

	private static List<String> targets(Provenance provenance) {
		return provenance.getTarget().stream().map(Reference::getReference).toList();
	}

	private static String digits(int length) {
		String digits = UUID.randomUUID().toString().replaceAll("[^0-9]", "") + UUID.randomUUID().toString().replaceAll("[^0-9]", "");
		return digits.substring(0, length);
	}
}
