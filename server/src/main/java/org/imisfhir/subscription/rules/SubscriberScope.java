package org.imisfhir.subscription.rules;

import java.util.Set;

/**
 * What a subscriber's work is limited to, as FHIR references: their health facility
 * ({@code Organization/<id>}, or null), their districts and the villages of those districts
 * ({@code Location/<id>}; empty when not limited to districts).
 */
public record SubscriberScope(String facility, Set<String> districts, Set<String> villages, boolean districtLimited) {

	public static final SubscriberScope UNLIMITED = new SubscriberScope(null, Set.of(), Set.of(), false);

	public SubscriberScope {
		districts = Set.copyOf(districts);
		villages = Set.copyOf(villages);
	}

	public boolean limited() {
		return facility != null || districtLimited;
	}
}
