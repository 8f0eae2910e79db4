package org.imisfhir.audit;

import java.util.Comparator;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.security.ImisRole;

/** Writes an {@link AuditRecord} as a FHIR AuditEvent (type {@code rest}, one entity per resource written). */
public final class AuditEventMapper {

	public static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
	public static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
	/** Operation names ({@code Group/$enrol}) as a second subtype. */
	public static final String OPERATION_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-operation";
	public static final String USER_SYSTEM = "https://imis-fhir.org/fhir/sid/user";
	public static final String CLIENT_SYSTEM = "https://imis-fhir.org/fhir/sid/client";
	private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
	private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
	private static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

	private AuditEventMapper() {}

	public static AuditEvent toAuditEvent(AuditRecord record) {
		return toAuditEvent(record, false);
	}

	/**
	 * @param referencesAsText name the entities in {@code what.display} only, not as references: for a record
	 *                         whose resources the store refuses to reference (deleted or never created)
	 */
	public static AuditEvent toAuditEvent(AuditRecord record, boolean referencesAsText) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
		event.addSubtype(new Coding(RESTFUL_INTERACTION, record.interaction(), null));
		if (record.operation() != null) {
			event.addSubtype(new Coding(OPERATION_SYSTEM, record.operation(), null));
		}
		event.setAction(action(record.interaction()));
		event.setRecorded(Date.from(record.recorded()));
		event.setOutcome(outcome(record.status()));
		if (record.outcomeText() != null) {
			event.setOutcomeDesc(record.outcomeText());
		}
		if (record.reason() != null) {
			event.addPurposeOfEvent(new CodeableConcept().setText(record.reason()));
		}

		AuditEventAgentComponent user = event.addAgent();
		user.setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")));
		user.setWho(new Reference().setIdentifier(
				new org.hl7.fhir.r4.model.Identifier().setSystem(USER_SYSTEM).setValue(record.username()))
				.setDisplay(record.username()));
		user.setAltId(record.username());
		user.setRequestor(true);
		record.roles().stream().sorted(Comparator.naturalOrder()).forEach(role ->
				user.addRole(new CodeableConcept(new Coding(ImisRole.SYSTEM, role.code(), role.display()))));
		if (record.address() != null) {
			user.getNetwork().setAddress(record.address()).setType(AuditEventAgentNetworkType._2);
		}
		if (record.clientId() != null) {
			AuditEventAgentComponent client = event.addAgent();
			client.setType(new CodeableConcept(new Coding(DICOM, "110150", "Application")));
			client.setWho(new Reference().setIdentifier(
					new org.hl7.fhir.r4.model.Identifier().setSystem(CLIENT_SYSTEM).setValue(record.clientId()))
					.setDisplay(record.clientId()));
			client.setRequestor(false);
		}

		event.getSource().setObserver(new Reference().setDisplay("IMIS-FHIR"))
				.addType(new Coding(SOURCE_TYPE, "4", "Application Server"));

		if (record.entities().isEmpty() && record.target() != null) {
			// a failed request's target may not exist: named, not referenced
			AuditEvent.AuditEventEntityComponent entity = event.addEntity()
					.setWhat(new Reference().setDisplay(record.target()))
					.setType(new Coding(ENTITY_TYPE, "2", "System Object"));
			record.details().forEach((type, value) -> entity.addDetail().setType(type).setValue(new StringType(value)));
		}
		for (String written : record.entities()) {
			Reference what = referencesAsText ? new Reference().setDisplay(written) : new Reference(written);
			AuditEvent.AuditEventEntityComponent entity =
					event.addEntity().setWhat(what).setType(new Coding(ENTITY_TYPE, "2", "System Object"));
			record.details().forEach((type, value) -> entity.addDetail().setType(type).setValue(new StringType(value)));
		}
		return event;
	}

	static AuditEventAction action(String interaction) {
		return switch (interaction) {
			case "create" -> AuditEventAction.C;
			case "update", "patch" -> AuditEventAction.U;
			case "delete" -> AuditEventAction.D;
			case "read", "vread", "search-type", "search-system", "history-instance" -> AuditEventAction.R;
			default -> AuditEventAction.E;
		};
	}

	static AuditEventOutcome outcome(int status) {
		if (status < 400) {
			return AuditEventOutcome._0;
		}
		return status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8;
	}
}
