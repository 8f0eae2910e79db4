package org.imisfhir.programme;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.audit.AuditTrail;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.TokenHttpTestBase;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * With signed tokens: a user assigned to programme CCS sees and writes the Chèque Santé claims and policies only
 * (search, _include, read, history, writes), an unassigned user sees all; a voucher's status changes only by the
 * voucher manager, after a fresh sign-in, and is audited; the voucher manager of a programme lists its duplicates
 * only. The data are made by a user holding every role.
 */
class ProgrammeScopeHttpTest extends TokenHttpTestBase {

	private static final List<String> ALL_ROLES = Arrays.stream(ImisRole.values()).map(ImisRole::code).toList();
	private static final List<String> CLAIMS_AND_POLICIES = List.of("claim-administrator", "enrolment-officer");

	@Autowired
	FhirContext fhirContext;

	@Autowired
	AuditTrail auditTrail;

	private IGenericClient admin;

	/** The CCS and PAL policy, claim and claim response (ids), made once for the class. */
	private static Fixture ccs;
	private static Fixture pal;

	private record Fixture(String policy, String claim, String claimResponse, String voucher) {}

	@BeforeEach
	void data() throws Exception {
		admin = fhirContext.newRestfulGenericClient(url("/fhir"));
		admin.registerInterceptor(new BearerTokenAuthInterceptor(issuer.token("scope-admin", ALL_ROLES)));
		if (ccs != null) {
			return;
		}
		for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:fhir/profiles/countries/cm/PlanDefinition-*.json")) {
			try (InputStream in = file.getInputStream()) {
				admin.update().resource(fhirContext.newJsonParser()
						.parseResource(PlanDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8))).execute();
			}
		}
		ccs = programmeData("PlanDefinition/programme-ccs", true);
		pal = programmeData("PlanDefinition/programme-pal", false);
	}

	@Test
	void aChequeSanteUserSearchesFindsAndIncludesOnlyChequeSanteClaimsAndPolicies() throws Exception {
		String user = issuer.tokenWithProgrammes("ccs-officer", CLAIMS_AND_POLICIES, List.of("CCS"));

		String claims = body("/fhir/Claim?_id=" + ccs.claim() + "," + pal.claim(), user);
		assertThat(claims).contains("\"id\":\"" + ccs.claim() + "\"").doesNotContain("\"id\":\"" + pal.claim() + "\"");
		String policies = body("/fhir/Coverage?_id=" + ccs.policy() + "," + pal.policy(), user);
		assertThat(policies).contains("\"id\":\"" + ccs.policy() + "\"").doesNotContain("\"id\":\"" + pal.policy() + "\"");
		// the response of a PAL claim is hidden through its claim; a PAL claim does not come along by _include
		String responses = body("/fhir/ClaimResponse?_id=" + ccs.claimResponse() + "," + pal.claimResponse()
				+ "&_include=ClaimResponse:request", user);
		assertThat(responses).contains("\"id\":\"" + ccs.claimResponse() + "\"").contains("\"id\":\"" + ccs.claim() + "\"")
				.doesNotContain("\"id\":\"" + pal.claimResponse() + "\"").doesNotContain("\"id\":\"" + pal.claim() + "\"");
		String included = body("/fhir/Claim?_id=" + ccs.claim() + "," + pal.claim() + "&_revinclude=ClaimResponse:request", user);
		assertThat(included).contains(ccs.claimResponse()).doesNotContain(pal.claimResponse());

		// a read of a hidden resource answers as if it did not exist
		assertThat(send("GET", "/fhir/Claim/" + ccs.claim(), null, user).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/fhir/Claim/" + pal.claim(), null, user).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/fhir/Coverage/" + pal.policy(), null, user).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/fhir/ClaimResponse/" + pal.claimResponse(), null, user).statusCode()).isEqualTo(404);
		HttpResponse<String> history = send("GET", "/fhir/Claim/" + pal.claim() + "/_history", null, user);
		assertThat(history.body()).doesNotContain("\"resourceType\":\"Claim\"");
		HttpResponse<String> ownHistory = send("GET", "/fhir/Claim/" + ccs.claim() + "/_history", null, user);
		assertThat(ownHistory.statusCode()).isEqualTo(200);
		assertThat(ownHistory.body()).contains("\"resourceType\":\"Claim\"");
		HttpResponse<String> typeHistory = send("GET", "/fhir/Coverage/_history?_count=500", null, user);
		assertThat(typeHistory.body()).doesNotContain("\"id\":\"" + pal.policy() + "\"");
	}

	@Test
	void anUnassignedUserSeesEveryProgramme() throws Exception {
		String user = issuer.token("any-officer", CLAIMS_AND_POLICIES);

		assertThat(body("/fhir/Claim?_id=" + ccs.claim() + "," + pal.claim(), user)).contains(ccs.claim()).contains(pal.claim());
		assertThat(body("/fhir/Coverage?_id=" + ccs.policy() + "," + pal.policy(), user)).contains(ccs.policy()).contains(pal.policy());
		assertThat(send("GET", "/fhir/ClaimResponse/" + pal.claimResponse(), null, user).statusCode()).isEqualTo(200);
		// claims of two programmes for a user of both
		String both = issuer.tokenWithProgrammes("both-officer", CLAIMS_AND_POLICIES, List.of("CCS", "PAL"));
		assertThat(body("/fhir/Claim?_id=" + ccs.claim() + "," + pal.claim(), both)).contains(ccs.claim()).contains(pal.claim());
	}

	@Test
	void aChequeSanteUserMayNotWriteAClaimOrPolicyOfAnotherProgramme() throws Exception {
		String user = issuer.tokenWithProgrammes("ccs-writer", CLAIMS_AND_POLICIES, List.of("CCS"));
		Claim palClaim = admin.read().resource(Claim.class).withId(pal.claim()).execute();
		palClaim.getMeta().setVersionId(null);

		HttpResponse<String> update = send("PUT", "/fhir/Claim/" + pal.claim(),
				fhirContext.newJsonParser().encodeResourceToString(palClaim), user, "Accept-Language", "fr");
		assertThat(update.statusCode()).as(update.body()).isEqualTo(403);
		assertThat(update.body()).contains("https://imis-fhir.org/fhir/CodeSystem/imis-security-error")
				.contains("programme-not-assigned").contains("ne travaille que sur les programmes [CCS]");

		Coverage palPolicy = admin.read().resource(Coverage.class).withId(pal.policy()).execute();
		palPolicy.getMeta().setVersionId(null);
		HttpResponse<String> policy = send("PUT", "/fhir/Coverage/" + pal.policy(),
				fhirContext.newJsonParser().encodeResourceToString(palPolicy), user);
		assertThat(policy.statusCode()).as(policy.body()).isEqualTo(403);
		assertThat(policy.body()).contains("programme-not-assigned").contains("works on programmes [CCS] only")
				.contains("programme PAL");
		assertThat(send("DELETE", "/fhir/Claim/" + pal.claim(), null, user).statusCode()).isEqualTo(403);

		// the same user's update of a Chèque Santé claim passes the programme check and reaches the claim rules
		// (the claim is already checked, so those refuse it, with their own reason)
		Claim ccsClaim = admin.read().resource(Claim.class).withId(ccs.claim()).execute();
		ccsClaim.getMeta().setVersionId(null);
		HttpResponse<String> own = send("PUT", "/fhir/Claim/" + ccs.claim(),
				fhirContext.newJsonParser().encodeResourceToString(ccsClaim), user);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(422);
		assertThat(own.body()).doesNotContain("programme-not-assigned").contains("only an entered claim can be changed");
	}

	@Test
	void aUsedVoucherIsCancelledOnlyByTheVoucherManagerAfterAFreshSignInAndTheChangeIsAudited() throws Exception {
		Basic voucher = (Basic) admin.search().byUrl("Basic?voucher-number=" + Vouchers.NUMBER_SYSTEM + "|" + ccs.voucher())
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		String path = "/fhir/Basic/" + voucher.getIdElement().getIdPart() + "/$set-voucher-status";
		String cancel = """
				{"resourceType":"Parameters","parameter":[{"name":"status","valueCode":"cancelled"},
				{"name":"reason","valueString":"doublon constaté après usage"}]}""";
		assertThat(Vouchers.status(voucher).code()).isEqualTo("used");

		// the scheme administrator imports vouchers but no longer changes them
		assertThat(send("POST", path, cancel, issuer.token("scheme-admin", List.of("scheme-administrator"))).statusCode())
				.isEqualTo(403);
		// the voucher manager who signed in 10 minutes ago is asked to sign in again
		HttpResponse<String> stale = send("POST", path, cancel,
				issuer.tokenSignedInAt("voucher-manager", List.of("voucher-manager"), Instant.now().minusSeconds(600)),
				"Accept-Language", "fr");
		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(401);
		assertThat(stale.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
				.startsWith("Bearer error=\"insufficient_user_authentication\"").contains("error_description=\"")
				.contains("max_age=300"));
		assertThat(stale.body()).contains("reauthentication-required").contains("reconnectez-vous (au plus 5 minutes");
		// a token that does not say when the user signed in is not fresh either
		assertThat(send("POST", path, cancel, issuer.tokenSignedInAt("voucher-manager", List.of("voucher-manager"), null))
				.statusCode()).isEqualTo(401);
		// after signing in again: the used voucher is cancelled
		HttpResponse<String> fresh = send("POST", path, cancel,
				issuer.tokenSignedInAt("voucher-manager", List.of("voucher-manager"), Instant.now().minusSeconds(30)));
		assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
		Basic cancelled = fhirContext.newJsonParser().parseResource(Basic.class, fresh.body());
		assertThat(Vouchers.status(cancelled).code()).isEqualTo("cancelled");
		Extension last = cancelled.getExtensionsByUrl(Vouchers.STATUS_CHANGE).get(cancelled.getExtensionsByUrl(Vouchers.STATUS_CHANGE).size() - 1);
		assertThat(last.getExtensionByUrl("by").getValue().primitiveValue()).isEqualTo("voucher-manager");
		assertThat(last.getExtensionByUrl("reason").getValue().primitiveValue()).isEqualTo("doublon constaté après usage");
		// a used voucher is never set back to new: 422 (here it is cancelled, and was used: new is allowed only for an unused one)

		String audit = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			auditTrail.flush(10_000);
			audit = body("/fhir/AuditEvent?altid=voucher-manager&entity=" + voucher.getIdElement().toUnqualifiedVersionless().getValue()
					+ "&outcome=0", issuer.token("auditor", List.of("imis-administrator")));
			if (audit.contains("\"entry\"")) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(audit).contains("Basic/$set-voucher-status").contains("doublon constaté après usage")
				.contains("used -> cancelled").contains("signed-in");
		String refusals = body("/fhir/AuditEvent?altid=voucher-manager&outcome=4", issuer.token("auditor", List.of("imis-administrator")));
		assertThat(refusals).contains("Basic/$set-voucher-status");
	}

	@Test
	void aVoucherManagerOfChequeSanteListsTheDuplicatesOfChequeSanteOnly() throws Exception {
		String user = issuer.tokenWithProgrammes("ccs-voucher-manager", List.of("voucher-manager"), List.of("CCS"));

		assertThat(body("/fhir/Basic/$voucher-duplicates?programme=CCS", user)).contains("\"duplicateCount\"");
		HttpResponse<String> other = send("GET", "/fhir/Basic/$voucher-duplicates?programme=PAL", null, user);
		assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
		assertThat(other.body()).contains("programme-not-assigned").contains("works on programmes [CCS] only");
		assertThat(body("/fhir/Basic/$voucher-duplicates?programme=PAL", issuer.token("any-manager", List.of("manager"))))
				.contains("\"suspiciousCount\"");
	}

	private String body(String path, String token) throws Exception {
		HttpResponse<String> response = send("GET", path, null, token);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	/** A free product, a facility offering the programme, an enrolled family, its claim and the claim's response. */
	private Fixture programmeData(String programme, boolean voucherProgramme) throws Exception {
		String product = freeProductOf(programme);
		String facility = facilityOffering(programme);
		String voucher = null;
		if (voucherProgramme) {
			voucher = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
			Parameters in = new Parameters();
			in.addParameter("csv", new StringType("NumCheque;ChequeStatus\n" + voucher + ";New\n"));
			in.addParameter("programme", new StringType("CCS"));
			admin.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
		}
		String number = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number, "Ngo", "Awa", "female", "1998-05-01", true, null));
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		if (voucher != null) {
			request.addParameter("voucher", new StringType(voucher));
		}
		Bundle enrolled = admin.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		Coverage policy = enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Coverage.class::isInstance).map(Coverage.class::cast).findFirst().orElseThrow();
		String insuree = enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Patient.class::isInstance).findFirst().orElseThrow().getIdElement().toUnqualifiedVersionless().getValue();
		String dateOfCare = policy.getPeriod().getStartElement().getValueAsString().substring(0, 10);
		Claim claim = claim(voucher != null ? voucher : "PAL" + number, insuree, facility, dateOfCare,
				"Coverage/" + policy.getIdElement().getIdPart(), programme);
		MethodOutcome created = admin.create().resource(claim).execute();
		String claimId = created.getId().getIdPart();
		admin.operation().onInstance("Claim/" + claimId).named("$submit").withNoParameters(Parameters.class).execute();
		return new Fixture(policy.getIdElement().getIdPart(), claimId, "cr-" + claimId, voucher);
	}

	/** A copy of the demo product PMTA0001 in a programme, with every cost 0 (so its policies are free). */
	private String freeProductOf(String programme) {
		InsurancePlan demo = (InsurancePlan) admin.search().forResource(InsurancePlan.class)
				.where(InsurancePlan.IDENTIFIER.exactly().systemAndCode("https://imis-fhir.org/fhir/sid/product-code", "PMTA0001"))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		InsurancePlan product = demo.copy();
		product.setId((String) null);
		product.getMeta().setVersionId(null).setLastUpdated(null);
		String code = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		product.getIdentifier().stream().filter(i -> "https://imis-fhir.org/fhir/sid/product-code".equals(i.getSystem()))
				.forEach(i -> i.setValue(code));
		product.setName("Programme product " + code);
		product.getPlan().forEach(plan -> plan.getGeneralCost().forEach(cost -> cost.getCost().setValue(0)));
		product.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		admin.create().resource(product).execute();
		return code;
	}

	private String facilityOffering(String programme) {
		String code = "HS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		Organization facility = Fixtures.facility(code, "Centre de santé " + code, "C", "Location/loc-r2d1");
		facility.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		return admin.create().resource(facility).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private static Claim claim(String code, String insuree, String facility, String dateOfCare, String coverage, String programme) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(insuree));
		claim.getBillablePeriod().setStartElement(new DateTimeType(dateOfCare)).setEndElement(new DateTimeType(dateOfCare));
		claim.setCreatedElement(new DateTimeType(dateOfCare));
		claim.setProvider(new Reference(facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(coverage));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		Claim.ItemComponent line = claim.addItem().setSequence(1);
		line.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "item", null)));
		line.getProductOrService().addCoding(new Coding("https://imis-fhir.org/fhir/sid/item-code", "0001", null));
		line.getQuantity().setValue(1);
		line.setUnitPrice(new org.hl7.fhir.r4.model.Money().setValue(100).setCurrency("XAF"));
		claim.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		return claim;
	}
}
