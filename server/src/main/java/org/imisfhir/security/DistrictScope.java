package org.imisfhir.security;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a resource lies within a user's districts: a user without districts works everywhere; otherwise
 * a resource is in scope only when its district is known and is one of the user's. (A resource whose
 * district cannot be told, such as an insuree without a family, is out of scope for a limited user.)
 */
public final class DistrictScope {

	private DistrictScope() {}

	public static boolean limited(ImisUser user) {
		return user != null && !user.districts().isEmpty();
	}

	public static boolean inScope(Set<String> userDistrictIds, Optional<String> resourceDistrictId) {
		return resourceDistrictId.map(userDistrictIds::contains).orElse(false);
	}
}
