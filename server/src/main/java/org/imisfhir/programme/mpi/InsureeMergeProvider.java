package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.audit.AuditNote;
import org.imisfhir.programme.SensitiveDataLabeller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/$merge-insuree}: two insurees found to be one person become one, in one transaction (see
 * {@link InsureeMerge}); with {@code preview=true} the answer shows what would change and nothing is written.
 * Named apart from HAPI's generic {@code Patient/$merge}, which replaces every reference to the source and
 * knows nothing of families (docs/decisions/0022-mpi-linkage-and-merge.md).
 */
@Component
public class InsureeMergeProvider implements ImisOperationProvider {

	private static final Logger LOG = LoggerFactory.getLogger(InsureeMergeProvider.class);

	private final InsureeMerge merge;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final DaoRegistry daos;

	public InsureeMergeProvider(InsureeMerge merge, IFhirSystemDao<Bundle, ?> systemDao, DaoRegistry daos) {
		this.merge = merge;
		this.systemDao = systemDao;
		this.daos = daos;
	}

	@Operation(name = "$merge-insuree", type = Patient.class)
	public Parameters mergeInsurees(
			@OperationParam(name = "source-patient", min = 1, max = 1) Reference source,
			@OperationParam(name = "target-patient", min = 1, max = 1) Reference target,
			@OperationParam(name = "preview", max = 1) BooleanType preview,
			@OperationParam(name = "reason", max = 1, typeName = "string") IPrimitiveType<String> reason,
			RequestDetails request) {
		boolean previewOnly = preview != null && Boolean.TRUE.equals(preview.getValue());
		if (source != null && target != null) {
			AuditNote.detail("merge", source.getReference() + " -> " + target.getReference() + (previewOnly ? " (preview)" : ""));
		}
		if (reason != null) {
			AuditNote.reason(reason.getValue());
		}
		InsureeMerge.Changes changes = merge.plan(source, target, request);
		String survivorId = changes.survivor().getIdElement().getIdPart();
		String retiredId = changes.retired().getIdElement().getIdPart();

		Parameters out = new Parameters();
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
				.setDiagnostics(previewOnly ? "Preview: nothing was written" : "Patient/" + retiredId + " merged into Patient/" + survivorId);
		out.addParameter().setName("outcome").setResource(outcome);
		out.addParameter().setName("preview").setValue(new BooleanType(previewOnly));
		if (previewOnly) {
			out.addParameter().setName("result").setResource(changes.survivor());
			out.addParameter().setName("retired").setResource(changes.retired());
			out.addParameter().setName("changes").setResource(changes.transaction());
		} else {
			String why = reason == null || reason.getValue() == null ? "merge of insurees" : reason.getValue();
			Bundle response = SensitiveDataLabeller.withReason(why,
					() -> systemDao.transaction(new SystemRequestDetails(), changes.transaction()));
			out.addParameter().setName("result").setResource(
					daos.getResourceDao(Patient.class).read(new IdType("Patient", survivorId), new SystemRequestDetails()));
			out.addParameter().setName("retired").setResource(
					daos.getResourceDao(Patient.class).read(new IdType("Patient", retiredId), new SystemRequestDetails()));
			out.addParameter().setName("changes").setResource(response);
			LOG.info("Insuree Patient/{} merged into Patient/{}: {} resource(s) written, {} reference(s) moved; reason: {}",
					retiredId, survivorId, changes.transaction().getEntry().size(), changes.moved().size(),
					reason == null ? "" : reason.getValue());
		}
		for (InsureeMerge.Moved moved : changes.moved()) {
			Parameters.ParametersParameterComponent part = out.addParameter().setName("moved");
			part.addPart().setName("resource").setValue(new Reference(moved.resource()));
			part.addPart().setName("element").setValue(new StringType(moved.element()));
		}
		return out;
	}
}
