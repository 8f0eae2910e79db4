package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.audit.AuditNote;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.programme.ProgrammeViolation;
import org.imisfhir.programme.Programmes;
import org.imisfhir.programme.SensitiveDataLabeller;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Linking an insuree to a national MPI number or an EMR's number ({@code Patient/[id]/$link-identifier}) and
 * undoing it ({@code $unlink-identifier}), each with a reason kept in the AuditEvent. A number belongs to one
 * insuree only; the insurance number is the insuree's own and is never unlinked.
 */
@Component
public class IdentifierLinkProvider implements ImisOperationProvider {

	private static final Logger LOG = LoggerFactory.getLogger(IdentifierLinkProvider.class);

	private final DaoRegistry daos;
	private final MpiIdentifiers identifiers;
	private final Programmes programmes;

	public IdentifierLinkProvider(DaoRegistry daos, MpiIdentifiers identifiers, Programmes programmes) {
		this.daos = daos;
		this.identifiers = identifiers;
		this.programmes = programmes;
	}

	@Operation(name = "$link-identifier", type = Patient.class)
	public Patient link(
			@IdParam IdType id,
			@OperationParam(name = "system", min = 1, max = 1, typeName = "uri") IPrimitiveType<String> system,
			@OperationParam(name = "value", min = 1, max = 1, typeName = "string") IPrimitiveType<String> value,
			@OperationParam(name = "reason", min = 1, max = 1, typeName = "string") IPrimitiveType<String> reason,
			RequestDetails request) {
		String sys = text(system);
		String val = text(value);
		String why = note(sys, val, reason);
		refuseSensitiveUnlessManager(sys);
		identifiers.linkRule().check(sys, val).ifPresent(refusal -> {
			throw switch (refusal) {
				case SYSTEM_NOT_URI -> ImisRuleException.businessRule(ProgrammeViolation.MPI_SYSTEM_NOT_URI, sys);
				case SYSTEM_RESERVED -> ImisRuleException.businessRule(ProgrammeViolation.MPI_SYSTEM_RESERVED, sys);
				case VALUE_MALFORMED -> ImisRuleException.businessRule(ProgrammeViolation.MPI_VALUE_MALFORMED, val);
				case MPI_NUMBER_FORMAT -> ImisRuleException.businessRule(ProgrammeViolation.MPI_NUMBER_FORMAT, val);
			};
		});
		IFhirResourceDao<Patient> dao = daos.getResourceDao(Patient.class);
		Patient patient = dao.read(id.toUnqualifiedVersionless(), request);
		refuseRetired(patient);
		String self = patient.getIdElement().toUnqualifiedVersionless().getValue();
		if (MpiIdentifiers.find(patient, sys, val).isPresent()) {
			return patient;
		}
		Optional<String> holder = holder(sys, val, self);
		if (holder.isPresent()) {
			throw ImisRuleException.conflict(ProgrammeViolation.MPI_IDENTIFIER_LINKED_ELSEWHERE, sys + "|" + val, holder.get());
		}
		if (sys.equals(identifiers.mpiSystem())) {
			patient.getIdentifier().stream().filter(i -> sys.equals(i.getSystem())).findFirst().ifPresent(other -> {
				throw ImisRuleException.conflict(ProgrammeViolation.MPI_NUMBER_ALREADY_SET, other.getValue());
			});
		}
		patient.addIdentifier(identifiers.linked(sys, val));
		SensitiveDataLabeller.withReason(why, () -> dao.update(patient, SensitiveDataLabeller.replacingLabels()));
		LOG.info("Identifier {}|{} linked to {}: {}", sys, val, self, why);
		return dao.read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	@Operation(name = "$unlink-identifier", type = Patient.class)
	public Patient unlink(
			@IdParam IdType id,
			@OperationParam(name = "system", min = 1, max = 1, typeName = "uri") IPrimitiveType<String> system,
			@OperationParam(name = "value", min = 1, max = 1, typeName = "string") IPrimitiveType<String> value,
			@OperationParam(name = "reason", min = 1, max = 1, typeName = "string") IPrimitiveType<String> reason,
			RequestDetails request) {
		String sys = text(system);
		String val = text(value);
		String why = note(sys, val, reason);
		refuseSensitiveUnlessManager(sys);
		if (EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM.equals(sys)) {
			throw ImisRuleException.businessRule(ProgrammeViolation.MPI_INSURANCE_NUMBER_KEPT);
		}
		IFhirResourceDao<Patient> dao = daos.getResourceDao(Patient.class);
		Patient patient = dao.read(id.toUnqualifiedVersionless(), request);
		refuseRetired(patient);
		Identifier linked = MpiIdentifiers.find(patient, sys == null ? "" : sys, val == null ? "" : val).orElseThrow(() ->
				ImisRuleException.businessRule(ProgrammeViolation.MPI_IDENTIFIER_NOT_LINKED, sys + "|" + val));
		patient.getIdentifier().remove(linked);
		SensitiveDataLabeller.withReason(why, () -> dao.update(patient, SensitiveDataLabeller.replacingLabels()));
		LOG.info("Identifier {}|{} unlinked from {}: {}", sys, val, patient.getIdElement().toUnqualifiedVersionless().getValue(), why);
		return dao.read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	/** A sensitive programme's identifier (Cameroon: TARV code, national MPI number) is linked by its manager only. */
	private void refuseSensitiveUnlessManager(String system) {
		if (system != null && programmes.sensitivity().sensitiveSystems().contains(system)
				&& CurrentUser.get().map(user -> !user.hasRole(ImisRole.SENSITIVE_DATA_MANAGER)).orElse(false)) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, ProgrammeViolation.SENSITIVE_IDENTIFIER_NOT_GRANTED, system);
		}
	}

	/** Notes the identifier and the reason for the audit (refusals included); the reason is required. */
	private static String note(String system, String value, IPrimitiveType<String> reason) {
		AuditNote.detail("identifier", system + "|" + value);
		String why = text(reason);
		if (why == null || why.isBlank()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.MPI_REASON_REQUIRED);
		}
		AuditNote.reason(why);
		return why;
	}

	/** Another insuree holding the identifier, other than records merged into {@code self}. */
	private Optional<String> holder(String system, String value, String self) {
		for (IBaseResource found : daos.getResourceDao(Patient.class)
				.search(SearchParameterMap.newSynchronous("identifier", new TokenParam(system, value)), new SystemRequestDetails())
				.getAllResources()) {
			Patient other = (Patient) found;
			String otherId = other.getIdElement().toUnqualifiedVersionless().getValue();
			if (!otherId.equals(self) && !MpiIdentifiers.replacedBy(other).map(self::equals).orElse(false)) {
				return Optional.of(otherId);
			}
		}
		return Optional.empty();
	}

	private static void refuseRetired(Patient patient) {
		MpiIdentifiers.replacedBy(patient).ifPresent(survivor -> {
			throw ImisRuleException.conflict(ProgrammeViolation.MPI_INSUREE_RETIRED,
					patient.getIdElement().toUnqualifiedVersionless().getValue(), survivor);
		});
	}

	private static String text(IPrimitiveType<String> value) {
		return value == null || value.getValue() == null ? null : value.getValue().trim();
	}
}
