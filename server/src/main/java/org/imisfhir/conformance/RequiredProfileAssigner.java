package org.imisfhir.conformance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Applies {@code imis.validation.required-profiles}: a resource type with one required profile gets it declared
 * in {@code meta.profile} when the client did not, so that validation checks it; a type with several
 * (comma-separated, e.g. Organization: facility, payer or insurance organisation) must declare one of them.
 */
public class RequiredProfileAssigner {

	private final Map<String, List<String>> requiredProfiles = new HashMap<>();

	public RequiredProfileAssigner(Map<String, String> configured) {
		configured.forEach((type, urls) -> requiredProfiles.put(
				type, Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList()));
	}

	public void assign(IBaseResource resource) {
		if (!(resource instanceof Resource r4)) {
			return;
		}
		List<String> required = requiredProfiles.getOrDefault(r4.fhirType(), List.of());
		if (required.isEmpty() || required.stream().anyMatch(r4.getMeta()::hasProfile)) {
			return;
		}
		if (required.size() == 1) {
			r4.getMeta().addProfile(required.get(0));
			return;
		}
		throw new ImisRuleException(
				ErrorCode.PROFILE_VIOLATION, ConformanceViolation.PROFILE_REQUIRED, r4.fhirType(), String.join(", ", required));
	}
}
