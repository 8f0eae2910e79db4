package org.imisfhir.enrolment;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.support.Fixtures;

/** Offline enrolment material for tests: temporary-numbered insurees, blocks, $enrol parameters. */
final class OfflineFixtures {

	static final String TEMPORARY = "https://imis-fhir.org/fhir/sid/temporary-insurance-number";
	static final String OFFLINE_ID = "https://imis-fhir.org/fhir/sid/offline-enrolment";
	static final String ERRORS = "https://imis-fhir.org/fhir/CodeSystem/imis-enrolment-error";

	private OfflineFixtures() {}

	/** An insuree enrolled offline: a temporary number and no permanent one. */
	static Patient insuree(String temporary, String family, String given, String gender, String birthDate, boolean head, String relationship) {
		Patient patient = Fixtures.insuree("unused", family, given, gender, birthDate, head, relationship);
		patient.getIdentifier().clear();
		patient.addIdentifier().setSystem(TEMPORARY).setValue(temporary);
		return patient;
	}

	static Parameters enrolment(Group family, Reference officer, Patient... members) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("family").setResource(family);
		for (Patient member : members) {
			parameters.addParameter().setName("member").setResource(member);
		}
		if (officer != null) {
			parameters.addParameter().setName("officer").setValue(officer);
		}
		return parameters;
	}

	/** A new enrolment officer's id. */
	static String officer(IGenericClient client, String code) {
		return client.create().resource(Fixtures.officer(code, "Offline", "EO")).execute().getId().getIdPart();
	}

	/** The numbers of a block newly allocated to the officer. */
	static List<String> allocate(IGenericClient client, String officerId, int count, String device) {
		Parameters in = new Parameters();
		in.addParameter().setName("count").setValue(new IntegerType(count));
		if (device != null) {
			in.addParameter().setName("device").setValue(new StringType(device));
		}
		Parameters out = client.operation().onInstance("Practitioner/" + officerId).named("$allocate-temporary-numbers")
				.withParameters(in).returnResourceType(Parameters.class).execute();
		return out.getParameter().stream().filter(p -> "number".equals(p.getName())).map(p -> p.getValue().primitiveValue()).toList();
	}

	static Type value(Parameters parameters, String name) {
		return parameters.getParameter().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow().getValue();
	}

	static String insuranceNumber(Patient patient) {
		return patient.getIdentifier().stream().filter(i -> Fixtures.INSURANCE_NUMBER.equals(i.getSystem()))
				.map(i -> i.getValue()).findFirst().orElse(null);
	}

	static List<Patient> members(Bundle enrolled) {
		return enrolled.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(r -> r instanceof Patient).map(r -> (Patient) r).toList();
	}

}
