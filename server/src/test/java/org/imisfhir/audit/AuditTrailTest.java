package org.imisfhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.security.TokenHttpTestBase;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every write and business operation leaves an AuditEvent; administrators search them, nobody changes them. */
class AuditTrailTest extends TokenHttpTestBase {

	@Autowired
	AuditTrail trail;

	@Autowired
	FhirContext fhirContext;

	@Test
	void aCreateIsAuditedWithUserRoleClientAndVersion() throws Exception {
		String clerk = issuer.token("clerk-audit", List.of("clerk"));
		Patient insuree = Fixtures.insuree("AU" + System.nanoTime() % 10_000_000, "Audit", "Amina", "female",
				"1990-01-01", true, null);
		HttpResponse<String> created = send("POST", "/fhir/Patient",
				fhirContext.newJsonParser().encodeResourceToString(insuree), clerk);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/([^/]+)/.*", "$1");

		List<AuditEvent> events = auditEvents("altid=clerk-audit&entity=Patient/" + id);

		assertThat(events).hasSize(1);
		AuditEvent event = events.get(0);
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("create");
		assertThat(event.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("clerk");
		assertThat(event.getAgent().get(1).getWho().getIdentifier().getValue()).isEqualTo("imis-web");
		assertThat(event.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + id + "/_history/1");
	}

	@Test
	void refusalsAndFailedOperationsAreAuditedWithTheirOutcome() throws Exception {
		send("POST", "/fhir/Location", "{\"resourceType\":\"Location\"}", issuer.token("audit-receptionist", List.of("receptionist")));
		send("POST", "/fhir/Group/$enrol", "{\"resourceType\":\"Parameters\"}", issuer.token("audit-officer", List.of("enrolment-officer")));

		AuditEvent refused = auditEvents("altid=audit-receptionist").get(0);
		AuditEvent failed = auditEvents("altid=audit-officer").get(0);

		assertThat(refused.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(refused.getOutcomeDesc()).contains("not allowed");
		assertThat(refused.getEntityFirstRep().getWhat().getDisplay()).isEqualTo("Location");
		assertThat(failed.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(failed.getSubtype()).extracting(c -> c.getCode()).containsExactly("operation", "Group/$enrol");
		assertThat(failed.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
	}

	@Test
	void aDeleteIsAuditedEvenThoughTheResourceIsGone() throws Exception {
		String admin = issuer.token("audit-deleter", List.of("imis-administrator"));
		HttpResponse<String> created = send("POST", "/fhir/Location",
				fhirContext.newJsonParser().encodeResourceToString(
						Fixtures.location("AD" + System.nanoTime() % 100_000, "Audit Region", "R", null)), admin);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Location/([^/]+)/.*", "$1");

		assertThat(send("DELETE", "/fhir/Location/" + id, null, admin).statusCode()).isEqualTo(200);

		List<AuditEvent> events = auditEvents("altid=audit-deleter&action=D");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).getEntityFirstRep().getWhat().getReference() + events.get(0).getEntityFirstRep().getWhat().getDisplay())
				.contains("Location/" + id + "/_history/2");
	}

	@Test
	void readsAreNotAudited() throws Exception {
		send("GET", "/fhir/Location?_count=1", null, issuer.token("audit-reader", List.of("manager")));
		Thread.sleep(1_000);

		assertThat(searchAuditEvents("altid=audit-reader")).isEmpty();
	}

	@Test
	void onlyTheImisAdministratorSearchesTheTrailAndNobodyChangesIt() throws Exception {
		String admin = issuer.token("audit-admin", List.of("imis-administrator"));
		String event = "{\"resourceType\":\"AuditEvent\",\"id\":\"x\"}";

		assertThat(send("GET", "/fhir/AuditEvent", null, issuer.token("audit-scheme", List.of("scheme-administrator"))).statusCode())
				.isEqualTo(403);
		assertThat(send("PUT", "/fhir/AuditEvent/x", event, admin).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", "/fhir/AuditEvent/x", null, admin).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/fhir/AuditEvent?_count=1", null, admin).statusCode()).isEqualTo(200);
	}

	/**
	 * The AuditEvents matching the query, waiting (up to 20 s) for at least one: a request's record is queued
	 * when HAPI finishes the request, which may be just after the client has its answer.
	 */
	private List<AuditEvent> auditEvents(String query) throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
		List<AuditEvent> found = searchAuditEvents(query);
		while (found.isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
			found = searchAuditEvents(query);
		}
		return found;
	}

	private List<AuditEvent> searchAuditEvents(String query) throws Exception {
		assertThat(trail.flush(10_000)).isTrue();
		// no-cache: HAPI would otherwise answer a repeated search from its cache of the first (empty) answer
		HttpResponse<String> found = send("GET", "/fhir/AuditEvent?_sort=-date&" + query, null,
				issuer.token("audit-admin", List.of("imis-administrator")), "Cache-Control", "no-cache");
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, found.body());
		return bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
	}
}
