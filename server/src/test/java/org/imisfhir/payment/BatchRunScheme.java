package org.imisfhir.payment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch-run scheme of a test, made over HTTP on the demo scheme: its own region, a copy of the demo's
 * relative-price product RPNA0001 covering that region, one insuree whose policy is paid, and three processed
 * claims A, B and C, so that the run for (this month, that region) pays exactly these claims, on a database shared
 * with other tests. The figures are worked by hand in {@link BatchRunHttpTest}.
 *
 * <p>Expected amounts for the month of {@code today} (the index is month-dependent):
 * index = 12,000 x (days of the month) / (policy days) x 0.60 / 11,800 to 4 decimals; A = 11,200 x index + 1,000,
 * B = 600 x index, C = 200 x index (each rounded to the cent); Rapta Dispensary's capitation = 12,000 x (days of the
 * month) / (policy days) x 10 %.
 */
record BatchRunScheme(String region, String product, long policyDays, String claimA, String claimB, String claimC) {

	static final String HEALTH_CENTRE = "hf-rthc001";
	static final String DISPENSARY = "hf-rtdi001";
	static final String SERVICE = "https://imis-fhir.org/fhir/sid/service-code";
	static final String ITEM = "https://imis-fhir.org/fhir/sid/item-code";
	static final String WORKFLOW = "https://imis-fhir.org/fhir/StructureDefinition/claim-workflow";

	List<String> claims() {
		return List.of(claimA, claimB, claimC);
	}

	/** Makes the region, product, insuree, policy, contribution and the three processed claims. */
	static BatchRunScheme create(IGenericClient client) {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		String region = client.create().resource(Fixtures.location("R" + suffix, "Region " + suffix, "R", null)).execute()
				.getId().getIdPart();
		InsurancePlan plan = client.read().resource(InsurancePlan.class).withId("prod-rpna0001").execute();
		plan.setId((String) null);
		plan.setMeta(null);
		String product = "RP" + suffix;
		plan.getIdentifierFirstRep().setValue(product);
		plan.setName("Relative price " + suffix);
		plan.getCoverageArea().clear();
		plan.addCoverageArea(new Reference("Location/" + region));
		Extension accounting = plan.addExtension().setUrl("https://imis-fhir.org/fhir/StructureDefinition/product-accounting");
		accounting.addExtension("premiums", new StringType("PRE-" + product));
		accounting.addExtension("remuneration", new StringType("REM-" + product));
		client.create().resource(plan).execute();

		LocalDate enrol = LocalDate.now().minusMonths(6).withDayOfMonth(1);
		String head = "P" + suffix + "1";
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Ngono", "Alice", "female", "1990-02-01", true, null));
		request.addParameter("product", new StringType(product));
		request.addParameter("enrolDate", new DateType(enrol.toString()));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request).returnResourceType(Bundle.class).execute();
		Patient patient = created.getEntry().stream().map(e -> e.getResource()).filter(Patient.class::isInstance).map(Patient.class::cast)
				.findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(e -> e.getResource()).filter(Coverage.class::isInstance).map(Coverage.class::cast)
				.findFirst().orElseThrow();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();
		org.hl7.fhir.r4.model.PaymentNotice contribution = Fixtures.contribution(policyRef, "RC" + suffix, "12000", enrol.toString());
		contribution.getIdentifierFirstRep().setValue(product + "|RC" + suffix);
		client.create().resource(contribution).execute();
		LocalDate start = enrol.plusMonths(1);
		long policyDays = ChronoUnit.DAYS.between(start, start.plusMonths(12).minusDays(1)) + 1;

		String patientRef = "Patient/" + patient.getIdElement().getIdPart();
		LocalDate today = LocalDate.now();
		Claim a = claim("A" + suffix, patientRef, policyRef, HEALTH_CENTRE, today.minusDays(3));
		line(a, SERVICE, "C11", "1", "15000");
		line(a, ITEM, "0001", "100", "10");
		String claimA = submitAndProcess(client, a, "12200.00");
		Claim b = claim("B" + suffix, patientRef, policyRef, HEALTH_CENTRE, today.minusDays(2));
		line(b, SERVICE, "C1", "2", "500");
		line(b, ITEM, "0002", "4", "250");
		String claimB = submitAndProcess(client, b, "600.00");
		Claim c = claim("C" + suffix, patientRef, policyRef, DISPENSARY, today.minusDays(1));
		line(c, ITEM, "0002", "2", "250");
		String claimC = submitAndProcess(client, c, "200.00");
		return new BatchRunScheme(region, product, policyDays, claimA, claimB, claimC);
	}

	/** The {@code $batch-run} request for this scheme's region and the month of the day given. */
	String runRequest(FhirContext fhirContext, LocalDate month) {
		Parameters parameters = new Parameters();
		parameters.addParameter("year", new IntegerType(month.getYear()));
		parameters.addParameter("month", new IntegerType(month.getMonthValue()));
		parameters.addParameter("location", new Reference("Location/" + region));
		return fhirContext.newJsonParser().encodeResourceToString(parameters);
	}

	// ----- expected figures

	/** The product's contributions allocated to the month: 12,000 x days of the month / days of the policy. */
	BigDecimal allocated(LocalDate today) {
		return new BigDecimal("12000").multiply(BigDecimal.valueOf(today.lengthOfMonth()))
				.divide(BigDecimal.valueOf(policyDays), MathContext.DECIMAL128);
	}

	/** The month's index: allocated x 0.60 / 11,800 (the R amounts of A and B), to 4 decimals. */
	BigDecimal expectedIndex(LocalDate today) {
		return allocated(today).multiply(new BigDecimal("0.6")).divide(new BigDecimal("11800"), 4, RoundingMode.HALF_UP);
	}

	BigDecimal remunerationA(LocalDate today) {
		return new BigDecimal("11200").multiply(expectedIndex(today)).add(new BigDecimal("1000")).setScale(2, RoundingMode.HALF_UP);
	}

	BigDecimal remunerationB(LocalDate today) {
		return new BigDecimal("600").multiply(expectedIndex(today)).setScale(2, RoundingMode.HALF_UP);
	}

	BigDecimal remunerationC(LocalDate today) {
		return new BigDecimal("200").multiply(expectedIndex(today)).setScale(2, RoundingMode.HALF_UP);
	}

	/** Rapta Dispensary's capitation: allocated x 20 % x 50 % (insured-population weight), to the cent. */
	BigDecimal capitation(LocalDate today) {
		return allocated(today).multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
	}

	// ----- building and reading claims

	private static String submitAndProcess(IGenericClient client, Claim claim, String approved) {
		String id = client.create().resource(claim).execute().getId().getIdPart();
		client.operation().onInstance("Claim/" + id).named("$submit").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		ClaimResponse processed = client.operation().onInstance("Claim/" + id).named("$process").withNoParameters(Parameters.class)
				.returnResourceType(ClaimResponse.class).execute();
		assertThat(total(processed, "8")).isEqualByComparingTo(approved);
		assertThat(status(client.read().resource(Claim.class).withId(id).execute())).isEqualTo("8");
		return id;
	}

	private static Claim claim(String code, String patient, String policy, String facility, LocalDate day) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(patient));
		claim.getBillablePeriod().setStartElement(new DateTimeType(day.toString())).setEndElement(new DateTimeType(day.toString()));
		claim.setCreatedElement(new DateTimeType(LocalDate.now().toString()));
		claim.setProvider(new Reference("Organization/" + facility));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		return claim;
	}

	private static void line(Claim claim, String system, String code, String quantity, String price) {
		org.imisfhir.claim.ClaimScenario.line(claim, system, code, quantity, price);
	}

	/** The claim's workflow status code (8 processed, 16 valuated). */
	static String status(Claim claim) {
		return ((Coding) claim.getExtensionByUrl(WORKFLOW).getExtensionByUrl("status").getValue()).getCode();
	}

	static BigDecimal total(ClaimResponse response, String code) {
		return response.getTotal().stream()
				.filter(t -> t.getCategory().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
				.map(t -> t.getAmount().getValue()).findFirst().orElseThrow();
	}
}
