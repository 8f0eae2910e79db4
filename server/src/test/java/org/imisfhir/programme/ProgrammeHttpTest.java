package org.imisfhir.programme;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Cameroon programmes of the country package (profiles/countries/cm), installed here as an implementer would:
 * one policy per programme, CCS's precedence over PAL, free policies active at once, and a claim's programme and
 * voucher checked on entry.
 */
class ProgrammeHttpTest extends HttpTestBase {

	private static final String PROGRAMME_ERRORS = ProgrammeViolation.SYSTEM;
	private static final String TARV = "https://imis-fhir.org/fhir/sid/cm/tarv-code";
	private static final String MPI = "https://imis-fhir.org/fhir/sid/national-mpi";

	/** The policy the claims of a test name. */
	private String coverage;

	@BeforeEach
	void installCameroonProgrammes() throws Exception {
		for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:fhir/profiles/countries/cm/PlanDefinition-*.json")) {
			try (InputStream in = file.getInputStream()) {
				PlanDefinition programme = fhirContext.newJsonParser()
						.parseResource(PlanDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				client.update().resource(programme).execute();
			}
		}
	}

	@Test
	void oneActivePolicyPerProgrammeAndChequeSanteTakesPrecedenceOverPal() throws Exception {
		String pal = freeProductOf("PlanDefinition/programme-pal");
		String ccs = freeProductOf("PlanDefinition/programme-ccs");
		Coverage palPolicy = policyOf(enrol(pal, null));
		// value 0: active at once, effective from its start
		assertThat(PolicyBuilder.openImisStatus(palPolicy)).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(palPolicy.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
		assertThat(ProgrammePolicies.programmeOf(palPolicy)).contains("PAL");

		HttpResponse<String> secondPal = postPolicy(anotherPolicy(palPolicy, pal, "2026-04-01"));
		assertThat(secondPal.statusCode()).isEqualTo(409);
		assertThat(secondPal.body()).contains(PROGRAMME_ERRORS).contains("programme-policy-active")
				.contains("une seule police par programme");

		HttpResponse<String> ccsPolicy = postPolicy(anotherPolicy(palPolicy, ccs, "2026-04-02"));
		assertThat(ccsPolicy.statusCode()).isEqualTo(201);
		Coverage palAfter = client.read().resource(Coverage.class).withId(palPolicy.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(PolicyBuilder.openImisStatus(palAfter)).as("a new CCS policy sets PAL back to idle").isEqualTo(PolicyStatus.IDLE);
		assertThat(palAfter.getStatus()).isEqualTo(Coverage.CoverageStatus.DRAFT);

		HttpResponse<String> blocked = postPolicy(anotherPolicy(palPolicy, pal, "2026-04-03"));
		assertThat(blocked.statusCode()).isEqualTo(409);
		assertThat(blocked.body()).contains("programme-policy-blocked").contains("CCS");
		// the policies of a programme are searched by its code
		Bundle ccsOfFamily = client.search().forResource(Coverage.class)
				.where(new ca.uhn.fhir.rest.gclient.TokenClientParam("programme").exactly().code("CCS"))
				.and(new ca.uhn.fhir.rest.gclient.ReferenceClientParam("family").hasId(ProgrammePolicies.familyOf(palPolicy).orElseThrow().getReference()))
				.returnBundle(Bundle.class).execute();
		assertThat(ccsOfFamily.getEntry()).hasSize(1);
		assertThat(PolicyBuilder.openImisStatus((Coverage) ccsOfFamily.getEntryFirstRep().getResource())).isEqualTo(PolicyStatus.ACTIVE);
	}

	@Test
	void aChequeSanteClaimNeedsItsProgrammeAtTheFacilityAndAUsedVoucherAsItsCode() throws Exception {
		String ccs = freeProductOf("PlanDefinition/programme-ccs");
		String facility = facilityOffering("PlanDefinition/programme-ccs");
		String voucher = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		String spare = voucher.substring(0, 7) + (voucher.charAt(7) == 'Z' ? 'Y' : 'Z');
		importVouchers("NumCheque;ChequeStatus\n" + voucher + ";New\n" + spare + ";New\n");
		Bundle enrolled = enrol(ccs, voucher);
		Coverage policy = policyOf(enrolled);
		String insuree = enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Patient.class::isInstance).findFirst().orElseThrow().getIdElement().toUnqualifiedVersionless().getValue();
		String dateOfCare = policy.getPeriod().getStartElement().getValueAsString().substring(0, 10);
		coverage = "Coverage/" + policy.getIdElement().getIdPart();

		HttpResponse<String> unknown = postClaim(claim("CS" + UUID.randomUUID().toString().substring(0, 6), insuree, facility, dateOfCare, null));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("claim-voucher-unknown");

		HttpResponse<String> stillNew = postClaim(claim(spare, insuree, facility, dateOfCare, null));
		assertThat(stillNew.statusCode()).isEqualTo(422);
		assertThat(stillNew.body()).contains("claim-voucher-not-used").contains("new");

		HttpResponse<String> notOffered = postClaim(claim(voucher, insuree, facility, dateOfCare, "PlanDefinition/programme-vih"));
		assertThat(notOffered.statusCode()).isEqualTo(422);
		assertThat(notOffered.body()).contains("claim-programme-not-offered");

		HttpResponse<String> beforeCover = postClaim(claim(voucher, insuree, facility, "2020-01-15", "PlanDefinition/programme-ccs"));
		assertThat(beforeCover.statusCode()).isEqualTo(422);
		assertThat(beforeCover.body()).contains("claim-programme-not-held");

		HttpResponse<String> accepted = postClaim(claim(voucher, insuree, facility, dateOfCare, null));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		Claim stored = fhirContext.newJsonParser().parseResource(Claim.class, accepted.body());
		assertThat(((Reference) stored.getExtensionByUrl(Programmes.PROGRAMME_EXTENSION).getValue()).getReference())
				.as("the only programme available is given to the claim").isEqualTo("PlanDefinition/programme-ccs");
	}

	@Test
	void chequeSanteReferralsClaimTheTransportTariffsOfTheFacilitysOwnDistrictOnly() throws Exception {
		// the Cameroon package's demo tariffs: TR0001 and TR0002 on Rapta's transport list, TR0003 and TR0004 on Jamboro's
		client.transaction().withBundle(fhirContext.newJsonParser()
				.parseResource(Bundle.class, classpath("demo/countries/cm/39-transport-tariffs.json"))).execute();
		Bundle raptaTariffs = client.search().byUrl("ActivityDefinition?_has:ChargeItemDefinition:entry:_id=pl-transport-r1d1")
				.returnBundle(Bundle.class).execute();
		assertThat(raptaTariffs.getEntry()).as("an app lists only the district's own tariffs")
				.extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactlyInAnyOrder("svc-TR0001", "svc-TR0002");
		String ccs = freeProductOf("PlanDefinition/programme-ccs", List.of(), List.of(), ProgrammeHttpTest::coverTransportOnReferrals);
		String rapta = facilityOffering("PlanDefinition/programme-ccs", "Location/loc-r1d1");
		String jamboro = facilityOffering("PlanDefinition/programme-ccs", "Location/loc-r1d2");
		String voucher = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		importVouchers("NumCheque;ChequeStatus\n" + voucher + ";New\n");
		Bundle enrolled = enrol(ccs, voucher);
		Coverage policy = policyOf(enrolled);
		coverage = "Coverage/" + policy.getIdElement().getIdPart();
		String insuree = enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Patient.class::isInstance).findFirst().orElseThrow().getIdElement().toUnqualifiedVersionless().getValue();
		String dateOfCare = policy.getPeriod().getStartElement().getValueAsString().substring(0, 10);

		// a referral from Rapta: its own tariff TR0001 is covered; Jamboro's TR0003 is not on Rapta's lists (2)
		Claim referral = transportClaim(voucher, insuree, rapta, dateOfCare, "R");
		org.imisfhir.claim.ClaimScenario.line(referral, org.imisfhir.claim.ClaimScenario.SERVICE, "TR0001", "1", "2500");
		org.imisfhir.claim.ClaimScenario.line(referral, org.imisfhir.claim.ClaimScenario.SERVICE, "TR0003", "1", "4500");
		ClaimResponse checked = submit(referral);
		assertThat(rejection(checked, 1)).isEqualTo("0");
		assertThat(rejection(checked, 2)).as("another district's tariff").isEqualTo("2");
		// priced from Rapta's list at 2,500; the product (a free copy of PMTA0001) deducts 500 per treatment: 2,000.00
		assertThat(((org.hl7.fhir.r4.model.DecimalType) checked.getItem().get(0).getExtensionByUrl(org.imisfhir.claim.ClaimProfiles.LINE_ASSIGNMENT)
				.getExtensionByUrl("unitPrice").getValue()).getValue()).isEqualByComparingTo("2500");
		assertThat(checkOf(checked, 1).getAmount().getValue()).isEqualByComparingTo("2000.00");

		// at Jamboro, the same voucher's claim for Jamboro's own tariff but not on a referral: no product covers it (3)
		Claim notReferral = transportClaim(voucher, insuree, jamboro, dateOfCare, "O");
		org.imisfhir.claim.ClaimScenario.line(notReferral, org.imisfhir.claim.ClaimScenario.SERVICE, "TR0003", "1", "4500");
		assertThat(rejection(submit(notReferral), 1)).as("transport only on referrals").isEqualTo("3");
	}

	@Test
	void hivPoliciesGoByTarvCodeAndMpiNumber() throws Exception {
		String positive = freeProductOf("PlanDefinition/programme-vih", List.of(TARV), List.of());
		String negative = freeProductOf("PlanDefinition/programme-vih", List.of(MPI), List.of(TARV));

		// HIV-positive: a member with a TARV code, enrolled with the reduced data set (no names)
		Patient anonymous = insuree(null, TARV);
		assertThat(enrolFamily(positive, anonymous).statusCode()).isEqualTo(200);
		HttpResponse<String> noTarv = enrolFamily(positive, insuree("Awa", MPI));
		assertThat(noTarv.statusCode()).isEqualTo(422);
		assertThat(noTarv.body()).contains("product-identifier-missing").contains(TARV);

		// HIV-negative: an exposed child's or partner's MPI number, and nobody with a TARV code
		assertThat(enrolFamily(negative, insuree("Awa", MPI)).statusCode()).isEqualTo(200);
		HttpResponse<String> noMpi = enrolFamily(negative, insuree("Awa", null));
		assertThat(noMpi.statusCode()).isEqualTo(422);
		assertThat(noMpi.body()).contains("product-identifier-missing").contains(MPI);
		HttpResponse<String> withTarv = enrolFamily(negative, insuree(null, TARV), insuree("Paul", MPI, false));
		assertThat(withTarv.statusCode()).isEqualTo(422);
		assertThat(withTarv.body()).contains("product-not-for-family")
				.as("the refusal does not tell which identifier a member holds").doesNotContain(TARV);
	}

	@Test
	void theCameroonDemoLoadsTwiceUnchangedAndItsVoucherFileShowsItsDuplicates() throws Exception {
		Coverage positive = null;
		// as the demo loader does: one transaction per file, in file order (the products before the policies on them)
		for (int load = 0; load < 2; load++) {
			for (String file : List.of("demo/countries/cm/40-programme-products.json", "demo/countries/cm/41-programme-families.json")) {
				client.transaction().withBundle(fhirContext.newJsonParser().parseResource(Bundle.class, classpath(file))).execute();
			}
			if (load == 0) {
				positive = client.read().resource(Coverage.class).withId("pol-cm-hivp").execute();
			}
		}
		Coverage again = client.read().resource(Coverage.class).withId("pol-cm-hivp").execute();
		assertThat(again.getMeta().getVersionId()).as("a second load changes nothing").isEqualTo(positive.getMeta().getVersionId());
		assertThat(PolicyBuilder.openImisStatus(again)).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(ProgrammePolicies.programmeOf(again)).contains("VIH");
		Patient anonymous = client.read().resource(Patient.class).withId("ins-cm-hivp1").execute();
		assertThat(anonymous.hasName()).as("enrolled with the reduced data set").isFalse();

		Parameters in = new Parameters();
		in.addParameter("csv", new StringType(classpath("demo/countries/cm/vouchers-sample.csv")));
		Parameters report = client.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
		// 10 rows: 7 distinct well-formed vouchers (one "Cancel"), CS240002 twice, CS24 too short, CS240007 "Perdu"
		assertThat(count(report, "created") + count(report, "unchanged")).isEqualTo(7);
		assertThat(count(report, "duplicate")).isEqualTo(1);
		assertThat(count(report, "refused")).isEqualTo(2);
	}

	private static int count(Parameters report, String name) {
		return Integer.parseInt(report.getParameter(name).getValue().primitiveValue());
	}

	private static ca.uhn.fhir.context.FhirContext fhirContextForFixtures() {
		return ca.uhn.fhir.context.FhirContext.forR4Cached();
	}

	private static String classpathUnchecked(String path) {
		try {
			return classpath(path);
		} catch (Exception e) {
			throw new IllegalStateException(path, e);
		}
	}

	private static String classpath(String path) throws Exception {
		try (InputStream in = ProgrammeHttpTest.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private Patient insuree(String given, String identifierSystem) {
		return insuree(given, identifierSystem, true);
	}

	private Patient insuree(String given, String identifierSystem, boolean head) {
		String number = "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		Patient insuree = head
				? Fixtures.insuree(number, "Ngo", given == null ? "x" : given, "female", "1990-05-01", true, null)
				: Fixtures.insuree(number, "Ngo", given == null ? "x" : given, "male", "2016-05-01", false, "4");
		if (given == null) {
			insuree.setName(null);
		}
		if (identifierSystem != null) {
			insuree.addIdentifier().setSystem(identifierSystem).setValue(identifierSystem.endsWith("tarv-code") ? "TARV-" + number : "MPI-" + number);
		}
		return insuree;
	}

	/** $enrol of a family (the first insuree its head, the others children) on a product. */
	private HttpResponse<String> enrolFamily(String product, Patient head, Patient... others) throws Exception {
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(head);
		for (Patient other : others) {
			request.addParameter().setName("member").setResource(other);
		}
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		return postJson("/fhir/Group/$enrol", fhirContext.newJsonParser().encodeResourceToString(request));
	}

	private String freeProductOf(String programme) {
		return freeProductOf(programme, List.of(), List.of());
	}

	/** A copy of the demo product PMTA0001 in a programme, with every cost 0 (so its policies are free). */
	private String freeProductOf(String programme, List<String> requires, List<String> excludes) {
		return freeProductOf(programme, requires, excludes, product -> { });
	}

	/** The Cameroon package's transport benefit: every TR tariff, priced from the list, covered in full on referrals. */
	private static void coverTransportOnReferrals(InsurancePlan product) {
		InsurancePlan demo = fhirContextForFixtures().newJsonParser().parseResource(Bundle.class, classpathUnchecked(
				"demo/countries/cm/40-programme-products.json")).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).filter(r -> "prod-cm-ccs".equals(r.getIdElement().getIdPart()))
				.map(InsurancePlan.class::cast).findFirst().orElseThrow();
		InsurancePlan.CoverageBenefitComponent transport = demo.getCoverage().stream().flatMap(c -> c.getBenefit().stream())
				.filter(b -> b.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/product-benefit-reference") != null
						&& ((Reference) b.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/product-benefit-reference").getValue())
								.getIdentifier().getSystem().endsWith("service-code-pattern"))
				.findFirst().orElseThrow();
		product.getCoverage().stream()
				.filter(c -> c.getType().getCoding().stream().anyMatch(code -> "service".equals(code.getCode())))
				.findFirst().orElseThrow().addBenefit(transport.copy());
	}

	private String freeProductOf(String programme, List<String> requires, List<String> excludes,
			java.util.function.Consumer<InsurancePlan> change) {
		InsurancePlan demo = (InsurancePlan) client.search().forResource(InsurancePlan.class)
				.where(InsurancePlan.IDENTIFIER.exactly().systemAndCode("https://imis-fhir.org/fhir/sid/product-code", "PMTA0001"))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		InsurancePlan product = demo.copy();
		product.setId((String) null);
		product.getMeta().setVersionId(null).setLastUpdated(null);
		String code = unique("PG");
		product.getIdentifier().stream().filter(i -> "https://imis-fhir.org/fhir/sid/product-code".equals(i.getSystem()))
				.forEach(i -> i.setValue(code));
		product.setName("Programme product " + code);
		product.getPlan().forEach(plan -> plan.getGeneralCost().forEach(cost -> cost.getCost().setValue(0)));
		product.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		if (!requires.isEmpty() || !excludes.isEmpty()) {
			Extension eligibility = product.addExtension().setUrl(ProductEligibilityInterceptor.ELIGIBILITY);
			requires.forEach(system -> eligibility.addExtension("requiresIdentifier", new org.hl7.fhir.r4.model.UriType(system)));
			excludes.forEach(system -> eligibility.addExtension("excludesIdentifier", new org.hl7.fhir.r4.model.UriType(system)));
		}
		change.accept(product);
		client.create().resource(product).execute();
		return code;
	}

	private String facilityOffering(String programme) {
		return facilityOffering(programme, "Location/loc-r2d1");
	}

	private String facilityOffering(String programme, String district) {
		Organization facility = Fixtures.facility(unique("HP"), "Centre de santé programme", "C", district);
		facility.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		MethodOutcome created = client.create().resource(facility).execute();
		return created.getId().toUnqualifiedVersionless().getValue();
	}

	private Bundle enrol(String product, String voucher) {
		String number = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(number, "Ngo", "Awa", "female", "1998-05-01", true, null));
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		if (voucher != null) {
			request.addParameter("voucher", new StringType(voucher));
		}
		return client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
	}

	private static Coverage policyOf(Bundle enrolled) {
		return enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Coverage.class::isInstance).map(Coverage.class::cast).findFirst().orElseThrow();
	}

	/** The family's policy again, on another product and enrolment date, as a plain POST Coverage. */
	private static Coverage anotherPolicy(Coverage model, String product, String enrolDate) {
		Coverage policy = model.copy();
		policy.setId((String) null);
		policy.getMeta().setVersionId(null).setLastUpdated(null);
		policy.getClass_().removeIf(c -> !c.getType().hasCoding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan"));
		policy.getClass_().get(0).setValue(product);
		for (Identifier identifier : policy.getIdentifier()) {
			if (PolicyBuilder.POLICY_KEY_SYSTEM.equals(identifier.getSystem())) {
				identifier.setValue(identifier.getValue().split("\\|")[0] + "|" + product + "|" + enrolDate);
			}
		}
		PolicyBuilder.setOpenImisStatus(policy, PolicyStatus.IDLE);
		policy.setStatus(Coverage.CoverageStatus.DRAFT);
		return policy;
	}

	private HttpResponse<String> postPolicy(Coverage policy) throws Exception {
		return postJson("/fhir/Coverage", fhirContext.newJsonParser().encodeResourceToString(policy), "Accept-Language", "fr",
				"Prefer", "return=representation");
	}

	private Claim claim(String code, String insuree, String facility, String dateOfCare, String programme) {
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
		if (programme != null) {
			claim.addExtension(new Extension(Programmes.PROGRAMME_EXTENSION, new Reference(programme)));
		}
		return claim;
	}

	/** A claim of the given visit type, without lines. */
	private Claim transportClaim(String code, String insuree, String facility, String dateOfCare, String visitType) {
		Claim claim = claim(code, insuree, facility, dateOfCare, null);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", visitType, null)));
		claim.getItem().clear();
		return claim;
	}

	/** Enters and checks a claim in one step, answering its ClaimResponse. */
	private ClaimResponse submit(Claim claim) {
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(claim);
		return client.operation().onType("Claim").named("$submit").withParameters(in).returnResourceType(ClaimResponse.class).execute();
	}

	/** The rejection reason the check gave a line (0 when it passed). */
	private static String rejection(ClaimResponse response, int sequence) {
		return checkOf(response, sequence).getReason().getCodingFirstRep().getCode();
	}

	/** A line's adjudication of the check: stage 4 (checked) when it passed, 1 (rejected) otherwise. */
	private static ClaimResponse.AdjudicationComponent checkOf(ClaimResponse response, int sequence) {
		return response.getItem().stream().filter(i -> i.getItemSequence() == sequence).findFirst().orElseThrow()
				.getAdjudication().stream()
				.filter(a -> a.getCategory().getCoding().stream().anyMatch(c -> org.imisfhir.claim.ClaimProfiles.STATUS_SYSTEM.equals(c.getSystem())
						&& ("1".equals(c.getCode()) || "4".equals(c.getCode()))))
				.findFirst().orElseThrow();
	}

	private HttpResponse<String> postClaim(Claim claim) throws Exception {
		return postJson("/fhir/Claim", fhirContext.newJsonParser().encodeResourceToString(claim), "Prefer", "return=representation");
	}

	private void importVouchers(String csv) {
		Parameters in = new Parameters();
		in.addParameter("csv", new StringType(csv));
		in.addParameter("programme", new StringType("CCS"));
		client.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
	}
}
