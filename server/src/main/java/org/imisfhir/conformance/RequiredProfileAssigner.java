package org.imisfhir.conformance;

import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Declares the profile the server requires for a resource type in {@code meta.profile} when the client did not,
 * so that the profile validation that follows checks the resource against it.
 */
public class RequiredProfileAssigner {

	private final Map<String, String> requiredProfiles;

	public RequiredProfileAssigner(Map<String, String> requiredProfiles) {
		this.requiredProfiles = Map.copyOf(requiredProfiles);
	}

	public void assign(IBaseResource resource) {
		if (!(resource instanceof Resource r4)) {
			return;
		}
		String required = requiredProfiles.get(r4.fhirType());
		if (required != null && !r4.getMeta().hasProfile(required)) {
			r4.getMeta().addProfile(required);
		}
	}
}
