package org.imisfhir.programme.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.programme.mpi.MpiFixtures.EMR;
import static org.imisfhir.programme.mpi.MpiFixtures.INSURANCE_NUMBER;
import static org.imisfhir.programme.mpi.MpiFixtures.MPI;
import static org.imisfhir.programme.mpi.MpiFixtures.VILLAGE_1;
import static org.imisfhir.programme.mpi.MpiFixtures.insuree;
import static org.imisfhir.programme.mpi.MpiFixtures.name;
import static org.imisfhir.programme.mpi.MpiFixtures.number;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.audit.AuditEventMapper;
import org.imisfhir.audit.AuditTrail;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An insuree's numbers: linked, found by each system, cross-referenced, unlinked; refusals and the audit. */
class IdentifierLinkageHttpTest extends HttpTestBase {

	static final String EMR_2 = "urn:oid:1.3.6.1.4.1.21367.13.20.2000";

	@Autowired
	AuditTrail auditTrail;

	String insuranceNumber;
	String mpiNumber;
	String emrNumber;
	String insuree;

	@BeforeEach
	void anInsuree() throws Exception {
		insuranceNumber = number();
		mpiNumber = "UP-" + number();
		emrNumber = "MRN-" + number();
		insuree = "Patient/" + client.create().resource(insuree(insuranceNumber, name(8), name(6), "female", "1992-05-14", VILLAGE_1))
				.execute().getId().getIdPart();
	}

	@Test
	void anInsureeIsFoundByEachOfItsNumbers() throws Exception {
		assertThat(link(insuree, MPI, mpiNumber, "MPI enrolment").statusCode()).isEqualTo(200);
		assertThat(link(insuree, EMR, emrNumber, "seen at the district hospital").statusCode()).isEqualTo(200);
		assertThat(link(insuree, EMR_2, "A-" + emrNumber, "HIV clinic file").statusCode()).isEqualTo(200);

		for (String[] identifier : new String[][] {{INSURANCE_NUMBER, insuranceNumber}, {MPI, mpiNumber}, {EMR, emrNumber},
				{EMR_2, "A-" + emrNumber}}) {
			Bundle found = client.search().forResource(Patient.class)
					.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(identifier[0], identifier[1]))
					.returnBundle(Bundle.class).execute();
			assertThat(found.getEntry()).as(identifier[0]).hasSize(1);
			assertThat(found.getEntry().get(0).getResource().getIdElement().toUnqualifiedVersionless().getValue()).isEqualTo(insuree);
		}
		Patient stored = client.read().resource(Patient.class).withUrl(insuree).execute();
		Identifier mpi = stored.getIdentifier().stream().filter(i -> MPI.equals(i.getSystem())).findFirst().orElseThrow();
		assertThat(mpi.getType().getCodingFirstRep().getCode()).isEqualTo("NI");
		assertThat(mpi.getUse()).isEqualTo(Identifier.IdentifierUse.OFFICIAL);
		Identifier emr = stored.getIdentifier().stream().filter(i -> EMR.equals(i.getSystem())).findFirst().orElseThrow();
		assertThat(emr.getType().getCodingFirstRep().getCode()).isEqualTo("MR");
		// linking again changes nothing
		String version = stored.getIdElement().getVersionIdPart();
		assertThat(link(insuree, EMR, emrNumber, "again").statusCode()).isEqualTo(200);
		assertThat(client.read().resource(Patient.class).withUrl(insuree).execute().getIdElement().getVersionIdPart()).isEqualTo(version);
	}

	@Test
	void linkingAndUnlinkingAreAuditedWithWhoWhatAndWhy() throws Exception {
		assertThat(link(insuree, MPI, mpiNumber, "MPI reconciliation 2026-11").statusCode()).isEqualTo(200);
		assertThat(call(insuree, "$unlink-identifier", MPI, mpiNumber, "wrong person in the MPI").statusCode()).isEqualTo(200);
		assertThat(client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MPI, mpiNumber)).returnBundle(Bundle.class).execute()
				.getEntry()).isEmpty();

		AuditEvent linked = auditOf("Patient/$link-identifier", MPI + "|" + mpiNumber);
		assertThat(linked.getPurposeOfEventFirstRep().getText()).isEqualTo("MPI reconciliation 2026-11");
		assertThat(linked.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("test-developer");
		assertThat(linked.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(linked.getEntity()).anyMatch(e -> e.getWhat().getReference() != null
				&& e.getWhat().getReference().startsWith(insuree + "/_history/"));
		AuditEvent unlinked = auditOf("Patient/$unlink-identifier", MPI + "|" + mpiNumber);
		assertThat(unlinked.getPurposeOfEventFirstRep().getText()).isEqualTo("wrong person in the MPI");
	}

	@Test
	void aNumberOfAnotherInsureeOrAMalformedOneIsRefusedAndChangesNothing() throws Exception {
		assertThat(link(insuree, MPI, mpiNumber, "MPI enrolment").statusCode()).isEqualTo(200);
		String other = "Patient/" + client.create().resource(insuree(number(), name(8), name(6), "male", "1990-01-01", VILLAGE_1))
				.execute().getId().getIdPart();
		String version = client.read().resource(Patient.class).withUrl(other).execute().getIdElement().getVersionIdPart();

		HttpResponse<String> taken = link(other, MPI, mpiNumber, "duplicate", "fr");
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(taken.body()).contains("mpi-identifier-linked-elsewhere").contains("appartient déjà à un autre assuré").contains(insuree);
		HttpResponse<String> malformed = link(other, EMR, "MRN 12", "typo");
		assertThat(malformed.statusCode()).isEqualTo(422);
		assertThat(malformed.body()).contains("mpi-value-malformed");
		assertThat(link(other, MPI, "12", "too short").body()).contains("mpi-number-format");
		assertThat(link(other, "mrn", "12345", "no system").body()).contains("mpi-system-not-uri");
		assertThat(link(other, INSURANCE_NUMBER, "12345", "ours").body()).contains("mpi-system-reserved");
		assertThat(link(other, EMR, "MRN-1", "").body()).contains("mpi-reason-required");
		assertThat(link(insuree, MPI, "UP-" + number(), "second number").statusCode()).isEqualTo(409);
		HttpResponse<String> own = call(insuree, "$unlink-identifier", INSURANCE_NUMBER, insuranceNumber, "cleanup");
		assertThat(own.statusCode()).isEqualTo(422);
		assertThat(own.body()).contains("mpi-insurance-number-kept");
		assertThat(call(other, "$unlink-identifier", EMR, "MRN-404", "cleanup").body()).contains("mpi-identifier-not-linked");

		assertThat(client.read().resource(Patient.class).withUrl(other).execute().getIdElement().getVersionIdPart()).isEqualTo(version);
		AuditEvent refusal = auditOf("Patient/$link-identifier", MPI + "|" + mpiNumber, AuditEvent.AuditEventOutcome._4);
		assertThat(refusal.getPurposeOfEventFirstRep().getText()).isEqualTo("duplicate");
	}

	@Test
	void thePixQueryAnswersTheOtherNumbersOfAnInsuree() throws Exception {
		link(insuree, MPI, mpiNumber, "MPI enrolment");
		link(insuree, EMR, emrNumber, "EMR");
		Parameters all = pix(MPI + "|" + mpiNumber);
		assertThat(values(all, "targetIdentifier")).containsExactlyInAnyOrder(INSURANCE_NUMBER + "|" + insuranceNumber, EMR + "|" + emrNumber);
		assertThat(all.getParameters("targetId")).extracting(p -> ((Reference) p.getValue()).getReference()).containsExactly(insuree);

		HttpResponse<String> ours = get("/fhir/Patient/$ihe-pix?sourceIdentifier=" + EMR + "%7C" + emrNumber
				+ "&targetSystem=" + INSURANCE_NUMBER);
		assertThat(ours.statusCode()).isEqualTo(200);
		Parameters onlyOurs = fhirContext.newJsonParser().parseResource(Parameters.class, ours.body());
		assertThat(values(onlyOurs, "targetIdentifier")).containsExactly(INSURANCE_NUMBER + "|" + insuranceNumber);

		HttpResponse<String> unknown = get("/fhir/Patient/$ihe-pix?sourceIdentifier=" + MPI + "%7CUP-0000", "Accept-Language", "fr");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("mpi-pix-not-found").contains("Aucun assuré");
		assertThat(get("/fhir/Patient/$ihe-pix?sourceIdentifier=UP-1").statusCode()).isEqualTo(400);
	}

	private Parameters pix(String sourceIdentifier) throws Exception {
		HttpResponse<String> response = get("/fhir/Patient/$ihe-pix?sourceIdentifier=" + sourceIdentifier.replace("|", "%7C"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	private static List<String> values(Parameters parameters, String name) {
		return parameters.getParameters(name).stream()
				.map(p -> (Identifier) p.getValue()).map(i -> i.getSystem() + "|" + i.getValue()).toList();
	}

	private HttpResponse<String> link(String patient, String system, String value, String reason, String... language) throws Exception {
		return call(patient, "$link-identifier", system, value, reason, language);
	}

	private HttpResponse<String> call(String patient, String operation, String system, String value, String reason,
			String... language) throws Exception {
		String body = """
				{"resourceType":"Parameters","parameter":[{"name":"system","valueUri":"%s"},{"name":"value","valueString":"%s"},
				{"name":"reason","valueString":"%s"}]}""".formatted(system, value, reason);
		return language.length == 0 ? postJson("/fhir/" + patient + "/" + operation, body)
				: postJson("/fhir/" + patient + "/" + operation, body, "Accept-Language", language[0]);
	}

	private AuditEvent auditOf(String operation, String identifier) {
		return auditOf(operation, identifier, AuditEvent.AuditEventOutcome._0);
	}

	/** The latest AuditEvent of the operation about the identifier with the outcome. */
	private AuditEvent auditOf(String operation, String identifier, AuditEvent.AuditEventOutcome outcome) {
		assertThat(auditTrail.flush(20_000)).isTrue();
		Bundle events = client.search().forResource(AuditEvent.class)
				.where(AuditEvent.SUBTYPE.exactly().systemAndCode(AuditEventMapper.OPERATION_SYSTEM, operation))
				.sort().descending("date").count(100)
				// the same search is repeated: without this HAPI may answer it from its cache of an earlier answer
				.cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
				.returnBundle(Bundle.class).execute();
		return events.getEntry().stream().map(e -> (AuditEvent) e.getResource())
				.filter(e -> e.getOutcome() == outcome)
				.filter(e -> e.getEntity().stream().flatMap(en -> en.getDetail().stream())
						.anyMatch(d -> "identifier".equals(d.getType()) && identifier.equals(d.getValue().primitiveValue())))
				.findFirst().orElseThrow(() -> new AssertionError("no audit of " + operation + " " + identifier + " with outcome "
						+ outcome.toCode() + "; about it: " + events.getEntry().stream().map(e -> (AuditEvent) e.getResource())
						.filter(e -> e.getEntity().stream().flatMap(en -> en.getDetail().stream())
								.anyMatch(d -> identifier.equals(d.getValue().primitiveValue())))
						.map(e -> e.getOutcome().toCode() + " " + e.getOutcomeDesc()).toList()));
	}
}
