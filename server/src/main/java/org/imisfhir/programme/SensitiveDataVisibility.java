package org.imisfhir.programme;

import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.IdentifierSearchRule;
import org.imisfhir.programme.rules.SensitivityLabels;
import org.imisfhir.programme.rules.SensitivityLabels.Label;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.ResourceVisibility;

/**
 * Shows the resources carrying a sensitive programme's label only to users granted sensitive data (roles
 * {@code sensitive-data-reader} or {@code sensitive-data-manager}): for everyone else they are left out of searches,
 * {@code _include}, history and operation answers, a read answers 404, totals are dropped, and a search naming a
 * sensitive identifier system or label is refused, so that no parameter can probe for them; so is a search
 * reaching insurees through an identifier given without its system ({@link IdentifierSearchRule}).
 */
public class SensitiveDataVisibility implements ResourceVisibility {

	private final Programmes programmes;
	private final IdentifierSearchRule.Targets targets;

	public SensitiveDataVisibility(Programmes programmes, ISearchParamRegistry searchParameters) {
		this.programmes = programmes;
		this.targets = (type, name) -> {
			RuntimeSearchParam parameter = searchParameters.getActiveSearchParam(type, name,
					ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
			if (parameter == null || (parameter.getParamType() == RestSearchParameterTypeEnum.REFERENCE && !parameter.hasTargets())) {
				return Optional.empty();
			}
			return Optional.of(parameter.getParamType() == RestSearchParameterTypeEnum.REFERENCE ? parameter.getTargets() : Set.of());
		};
	}

	public static boolean granted(ImisUser user) {
		return user.hasRole(ImisRole.SENSITIVE_DATA_READER) || user.hasRole(ImisRole.SENSITIVE_DATA_MANAGER);
	}

	@Override
	public boolean limits(ImisUser user) {
		return !granted(user) && programmes.sensitivity().any();
	}

	@Override
	public boolean visible(ImisUser user, IBaseResource resource) {
		if (!(resource instanceof Resource labelled) || !labelled.hasMeta() || !labelled.getMeta().hasSecurity()) {
			return true;
		}
		Set<Label> managed = programmes.sensitivity().managed();
		return SensitivityLabels.visible(SensitiveDataLabeller.labelsOf(labelled, managed), managed, false);
	}

	/** Bulk export: the labels to leave out, {@code system|code} separated by spaces. */
	@Override
	public java.util.Optional<String> exportNote(ImisUser user) {
		return java.util.Optional.of(String.join(" ", programmes.sensitivity().managed().stream()
				.map(label -> label.system() + "|" + label.code()).toList()));
	}

	@Override
	public boolean exportable(String note, IBaseResource resource) {
		if (!(resource instanceof Resource labelled) || !labelled.getMeta().hasSecurity()) {
			return true;
		}
		Set<String> hidden = Set.of(note.split(" "));
		return labelled.getMeta().getSecurity().stream().noneMatch(c -> hidden.contains(c.getSystem() + "|" + c.getCode()));
	}

	@Override
	public void checkRequest(ImisUser user, RequestDetails request) {
		Map<String, String[]> parameters = request.getParameters();
		if (parameters == null || parameters.isEmpty()) {
			return;
		}
		SensitivityLabels sensitivity = programmes.sensitivity();
		Set<String> systems = sensitivity.sensitiveSystems();
		Set<Label> labels = sensitivity.managed();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			for (String value : parameter.getValue()) {
				if (value != null && (names(value, systems) || namesLabel(parameter.getKey(), value, labels))) {
					throw new ImisRuleException(ErrorCode.FORBIDDEN, ProgrammeViolation.SENSITIVE_SEARCH_NOT_GRANTED);
				}
			}
		}
		boolean includes = parameters.keySet().stream().anyMatch(name -> name.startsWith("_include") || name.startsWith("_revinclude"));
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (IdentifierSearchRule.needsSystem(request.getResourceName(), parameter.getKey(), parameter.getValue(), includes, targets)) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, ProgrammeViolation.SENSITIVE_SEARCH_SYSTEM_REQUIRED,
						parameter.getKey());
			}
		}
	}

	private static boolean names(String value, Set<String> systems) {
		return systems.stream().anyMatch(value::contains);
	}

	private static boolean namesLabel(String name, String value, Set<Label> labels) {
		return name.startsWith("_security") && labels.stream().anyMatch(label -> value.contains(label.code()));
	}
}
