package org.imisfhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.imisfhir.security.ImisRole;
import org.junit.jupiter.api.Test;

class AuditEventMapperTest {

	@Test
	void anOperationNamesWhoWithRoleAndClientAndEveryResourceWritten() {
		AuditRecord record = new AuditRecord(Instant.parse("2026-11-23T10:15:30Z"), "officer",
				Set.of(ImisRole.ENROLMENT_OFFICER), "imis-web", "10.0.0.7", "operation", "Group/$enrol", "Group",
				List.of("Group/12/_history/1", "Patient/13/_history/1", "Coverage/14/_history/1"), 200, null);

		AuditEvent event = AuditEventMapper.toAuditEvent(record);

		assertThat(event.getType().getCode()).isEqualTo("rest");
		assertThat(event.getSubtype()).extracting(c -> c.getCode()).containsExactly("operation", "Group/$enrol");
		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(event.getRecorded()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-23T10:15:30Z")));
		AuditEvent.AuditEventAgentComponent user = event.getAgent().get(0);
		assertThat(user.getAltId()).isEqualTo("officer");
		assertThat(user.getWho().getIdentifier().getValue()).isEqualTo("officer");
		assertThat(user.getRequestor()).isTrue();
		assertThat(user.getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("enrolment-officer");
		assertThat(user.getNetwork().getAddress()).isEqualTo("10.0.0.7");
		assertThat(event.getAgent().get(1).getWho().getIdentifier().getValue()).isEqualTo("imis-web");
		assertThat(event.getEntity()).extracting(e -> e.getWhat().getReference())
				.containsExactly("Group/12/_history/1", "Patient/13/_history/1", "Coverage/14/_history/1");
	}

	@Test
	void aRefusalKeepsTheTargetAndTheReason() {
		AuditRecord record = new AuditRecord(Instant.now(), "receptionist", Set.of(ImisRole.RECEPTIONIST), null, null,
				"create", null, "Location", List.of(), 403, "User receptionist may not create Location");

		AuditEvent event = AuditEventMapper.toAuditEvent(record);

		assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(event.getOutcomeDesc()).contains("may not create");
		assertThat(event.getEntityFirstRep().getWhat().getDisplay()).isEqualTo("Location");
		assertThat(event.getEntityFirstRep().getWhat().hasReference()).isFalse();
		assertThat(event.getAgent()).hasSize(1);
	}

	@Test
	void resourcesTheStoreWillNotReferenceAreNamed() {
		AuditRecord record = new AuditRecord(Instant.now(), "clerk", Set.of(ImisRole.CLERK), null, null,
				"delete", null, "Patient/9", List.of("Patient/9/_history/3"), 200, null);

		AuditEvent event = AuditEventMapper.toAuditEvent(record, true);

		assertThat(event.getEntityFirstRep().getWhat().getDisplay()).isEqualTo("Patient/9/_history/3");
		assertThat(event.getEntityFirstRep().getWhat().hasReference()).isFalse();
	}

	@Test
	void outcomesFollowTheHttpStatus() {
		assertThat(AuditEventMapper.outcome(201)).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(AuditEventMapper.outcome(422)).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(AuditEventMapper.outcome(500)).isEqualTo(AuditEvent.AuditEventOutcome._8);
		assertThat(AuditEventMapper.action("delete")).isEqualTo(AuditEvent.AuditEventAction.D);
		assertThat(AuditEventMapper.action("patch")).isEqualTo(AuditEvent.AuditEventAction.U);
		assertThat(AuditEventMapper.action("transaction")).isEqualTo(AuditEvent.AuditEventAction.E);
	}

	@Test
	void theReasonAndDetailsOfARefusedOperationAreKept() {
		AuditRecord record = new AuditRecord(Instant.now(), "admin", Set.of(ImisRole.IMIS_ADMINISTRATOR), null, null,
				"operation", "Patient/$link-identifier", "Patient/7", List.of(), 409, "taken", "duplicate",
				java.util.Map.of("identifier", "https://mpi.example.org|UP-1"));
		AuditEvent event = AuditEventMapper.toAuditEvent(record);
		assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(event.getPurposeOfEventFirstRep().getText()).isEqualTo("duplicate");
		assertThat(event.getEntity()).singleElement().satisfies(entity -> {
			assertThat(entity.getWhat().getDisplay()).isEqualTo("Patient/7");
			assertThat(entity.getDetailFirstRep().getType()).isEqualTo("identifier");
			assertThat(entity.getDetailFirstRep().getValue().primitiveValue()).isEqualTo("https://mpi.example.org|UP-1");
		});
	}
}
