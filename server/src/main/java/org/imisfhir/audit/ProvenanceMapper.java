package org.imisfhir.audit;

import java.util.Comparator;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Provenance.ProvenanceAgentComponent;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.security.ImisRole;

/**
 * Writes a {@link ProvenanceRecord} as a FHIR Provenance: the resources changed (with their versions) as
 * targets, the user as author with their roles, the client application as a second agent, the activity,
 * and the reason as text.
 */
public final class ProvenanceMapper {

	static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

	private ProvenanceMapper() {}

	public static Provenance toProvenance(ProvenanceRecord record) {
		Provenance provenance = new Provenance();
		for (String target : record.targets()) {
			provenance.addTarget(new Reference(target));
		}
		for (String deleted : record.deleted()) {
			provenance.addTarget(new Reference().setDisplay(deleted + " (deleted)"));
		}
		Date when = Date.from(record.recorded());
		provenance.setRecorded(when);
		provenance.setOccurred(new DateTimeType(when));
		provenance.setActivity(new CodeableConcept(
				new Coding(ProvenanceActivity.SYSTEM, record.activity().code(), null)));
		if (record.operation() != null) {
			provenance.getActivity().addCoding(new Coding(AuditEventMapper.OPERATION_SYSTEM, record.operation(), null));
		}
		if (record.reason() != null && !record.reason().isBlank()) {
			provenance.addReason().setText(record.reason());
		}

		ProvenanceAgentComponent author = provenance.addAgent();
		author.setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "author", "Author")));
		author.setWho(new Reference()
				.setIdentifier(new Identifier().setSystem(AuditEventMapper.USER_SYSTEM).setValue(record.username()))
				.setDisplay(record.username()));
		record.roles().stream().sorted(Comparator.naturalOrder()).forEach(role ->
				author.addRole(new CodeableConcept(new Coding(ImisRole.SYSTEM, role.code(), role.display()))));
		if (record.clientId() != null) {
			ProvenanceAgentComponent client = provenance.addAgent();
			client.setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "assembler", "Assembler")));
			client.setWho(new Reference()
					.setIdentifier(new Identifier().setSystem(AuditEventMapper.CLIENT_SYSTEM).setValue(record.clientId()))
					.setDisplay(record.clientId()));
		}
		return provenance;
	}
}
