package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.ProgrammeViolation;
import org.springframework.stereotype.Component;

/**
 * IHE PIXm-style cross-reference query {@code Patient/$ihe-pix}: given one identifier of an insuree
 * (sourceIdentifier = system|value), its other identifiers (targetIdentifier), optionally only those of the
 * systems asked for (targetSystem), and the insuree itself (targetId). A record merged into another answers
 * for the survivor.
 */
@Component
public class PixQueryProvider implements ImisOperationProvider {

	private final DaoRegistry daos;

	public PixQueryProvider(DaoRegistry daos) {
		this.daos = daos;
	}

	@Operation(name = "$ihe-pix", type = Patient.class, idempotent = true)
	public Parameters pix(
			@OperationParam(name = "sourceIdentifier", min = 1, max = 1, typeName = "string") IPrimitiveType<String> sourceIdentifier,
			@OperationParam(name = "targetSystem", max = OperationParam.MAX_UNLIMITED, typeName = "string")
					List<IPrimitiveType<String>> targetSystems,
			RequestDetails request) {
		String source = sourceIdentifier == null ? null : sourceIdentifier.getValue();
		int bar = source == null ? -1 : source.indexOf('|');
		if (bar <= 0 || bar == source.length() - 1) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.MPI_PIX_SOURCE_IDENTIFIER);
		}
		String system = source.substring(0, bar);
		String value = source.substring(bar + 1);
		Set<String> wanted = new LinkedHashSet<>();
		if (targetSystems != null) {
			targetSystems.stream().filter(t -> t != null && t.getValue() != null && !t.getValue().isBlank())
					.forEach(t -> wanted.add(t.getValue().trim()));
		}

		Map<String, Patient> insurees = new LinkedHashMap<>();
		for (IBaseResource found : daos.getResourceDao(Patient.class)
				.search(SearchParameterMap.newSynchronous("identifier", new TokenParam(system, value)), request).getAllResources()) {
			Patient patient = (Patient) found;
			String survivor = MpiIdentifiers.replacedBy(patient).orElse(null);
			if (survivor != null) {
				patient = daos.getResourceDao(Patient.class).read(new IdType(survivor), request);
			}
			insurees.putIfAbsent(patient.getIdElement().toUnqualifiedVersionless().getValue(), patient);
		}
		if (insurees.isEmpty()) {
			throw new ImisRuleException(ErrorCode.NOT_FOUND, ProgrammeViolation.MPI_PIX_NOT_FOUND, source);
		}

		Parameters out = new Parameters();
		Set<String> seen = new LinkedHashSet<>();
		for (Patient patient : insurees.values()) {
			for (Identifier identifier : patient.getIdentifier()) {
				if (!identifier.hasSystem() || !identifier.hasValue()
						|| (system.equals(identifier.getSystem()) && value.equals(identifier.getValue()))
						|| (!wanted.isEmpty() && !wanted.contains(identifier.getSystem()))
						|| !seen.add(identifier.getSystem() + "|" + identifier.getValue())) {
					continue;
				}
				out.addParameter().setName("targetIdentifier").setValue(identifier.copy());
			}
		}
		for (String id : insurees.keySet()) {
			out.addParameter().setName("targetId").setValue(new Reference(id));
		}
		return out;
	}
}
