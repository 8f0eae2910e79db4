package org.imisfhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.security.ImisRole;
import org.junit.jupiter.api.Test;

class ProvenanceMapperTest {

	@Test
	void aProvenanceNamesTheVersionsTheUserTheRolesTheActivityAndTheReason() {
		ProvenanceRecord record = new ProvenanceRecord(Instant.parse("2026-12-03T10:15:30Z"), "officer",
				Set.of(ImisRole.MEDICAL_OFFICER, ImisRole.CLAIM_ADMINISTRATOR), "imis-web", ProvenanceActivity.CLAIM_RETURN,
				"Claim/$return", List.of("Claim/7/_history/3", "ClaimResponse/cr-7/_history/2"), List.of("Basic/9"),
				"dates missing");

		Provenance provenance = ProvenanceMapper.toProvenance(record);

		assertThat(provenance.getTarget()).extracting(Reference::getReference)
				.containsExactly("Claim/7/_history/3", "ClaimResponse/cr-7/_history/2", null);
		assertThat(provenance.getTarget().get(2).getDisplay()).isEqualTo("Basic/9 (deleted)");
		assertThat(provenance.getRecorded()).isEqualTo(java.util.Date.from(Instant.parse("2026-12-03T10:15:30Z")));
		assertThat(provenance.getActivity().getCoding()).extracting(c -> c.getSystem() + "#" + c.getCode()).containsExactly(
				ProvenanceActivity.SYSTEM + "#claim-return", AuditEventMapper.OPERATION_SYSTEM + "#Claim/$return");
		assertThat(provenance.getReasonFirstRep().getText()).isEqualTo("dates missing");
		Provenance.ProvenanceAgentComponent author = provenance.getAgent().get(0);
		assertThat(author.getType().getCodingFirstRep().getCode()).isEqualTo("author");
		assertThat(author.getWho().getIdentifier().getSystem()).isEqualTo(AuditEventMapper.USER_SYSTEM);
		assertThat(author.getWho().getIdentifier().getValue()).isEqualTo("officer");
		// roles sorted by the enum's order
		assertThat(author.getRole()).extracting(r -> r.getCodingFirstRep().getCode())
				.containsExactly("medical-officer", "claim-administrator");
		assertThat(provenance.getAgent().get(1).getWho().getIdentifier().getValue()).isEqualTo("imis-web");
	}

	@Test
	void theServersOwnWorkHasNoClientNorReason() {
		Provenance provenance = ProvenanceMapper.toProvenance(new ProvenanceRecord(Instant.EPOCH, AuditRecord.SYSTEM_USER,
				Set.of(), null, ProvenanceActivity.BATCH_RUN, null, List.of("PaymentReconciliation/1/_history/1"), List.of(), null));

		assertThat(provenance.getAgent()).hasSize(1);
		assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("system");
		assertThat(provenance.getAgentFirstRep().getRole()).isEmpty();
		assertThat(provenance.getReason()).isEmpty();
		assertThat(provenance.getActivity().getCoding()).hasSize(1);
	}
}
