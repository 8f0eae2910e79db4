package org.imisfhir.claim;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;

import java.math.BigDecimal;
import java.util.UUID;

import static org.imisfhir.support.Fixtures.contribution;

/**
 * The demo scheme's set-up for claim tests: a family of Rapta village 1 on product PMTA0001 (adult 3000, child
 * 1500, assembly 2 x 200 = 4900.00) enrolled on 2026-03-10, paid in full on 2026-03-20, so the policy is active
 * from its start 2026-04-10 to 2027-04-09; the head is a woman born 1990.
 */
public final class ClaimScenario {

	public static final String FACILITY = "Organization/hf-rtdi001";   // Rapta Dispensary: level D, care type O, district Rapta
	public static final String SERVICE = "https://imis-fhir.org/fhir/sid/service-code";
	public static final String ITEM = "https://imis-fhir.org/fhir/sid/item-code";

	public final String patient;
	public final String policy;
	public final String insuranceNumber;

	private ClaimScenario(String patient, String policy, String insuranceNumber) {
		this.patient = patient;
		this.policy = policy;
		this.insuranceNumber = insuranceNumber;
	}

	/** Claims for another insuree, naming the given policy. */
	public static ClaimScenario of(String patient, String policy) {
		return new ClaimScenario(patient, policy, null);
	}

	public static ClaimScenario insuredFamily(IGenericClient client) {
		String head = code("C");
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head, "Ekane", "Marie", "female", "1990-02-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(head + "1", "Ekane", "Paul", "male", "2016-01-01", false, "4"));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new DateType("2026-03-10"));
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		Patient patient = created.getEntry().stream().map(e -> e.getResource()).filter(Patient.class::isInstance)
				.map(Patient.class::cast).filter(p -> p.getName().get(0).getGivenAsSingleString().equals("Marie")).findFirst().orElseThrow();
		Coverage policy = created.getEntry().stream().map(e -> e.getResource()).filter(Coverage.class::isInstance)
				.map(Coverage.class::cast).findFirst().orElseThrow();
		String policyRef = "Coverage/" + policy.getIdElement().getIdPart();
		client.create().resource(contribution(policyRef, code("RC"), "4900", "2026-03-20")).execute();
		return new ClaimScenario("Patient/" + patient.getIdElement().getIdPart(), policyRef, head);
	}

	public Claim claim(String code, String from, String to) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(code);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(patient));
		if (from != null) {
			claim.getBillablePeriod().setStartElement(new DateTimeType(from));
		}
		if (to != null) {
			claim.getBillablePeriod().setEndElement(new DateTimeType(to));
		}
		claim.setCreatedElement(new DateTimeType(from != null && from.compareTo("2026-08-04") > 0 ? from : "2026-08-04"));
		claim.setProvider(new Reference(FACILITY));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		return claim;
	}

	public static void line(Claim claim, String system, String code, String quantity, String price) {
		Claim.ItemComponent item = claim.addItem();
		item.setSequence(claim.getItem().size());
		item.setCategory(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category",
				SERVICE.equals(system) ? "service" : "item", null)));
		item.getProductOrService().addCoding(new Coding(system, code, null));
		item.getQuantity().setValue(new BigDecimal(quantity));
		item.setUnitPrice(new Money().setValue(new BigDecimal(price)).setCurrency("XAF"));
	}

	public static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8 - prefix.length()).toUpperCase();
	}
}
