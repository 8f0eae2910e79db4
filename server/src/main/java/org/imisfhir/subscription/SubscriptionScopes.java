package org.imisfhir.subscription;

import java.util.Set;
import java.util.stream.Collectors;
import org.imisfhir.security.DistrictScope;
import org.imisfhir.security.DistrictScopeInterceptor;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.LocationTreeCache;
import org.imisfhir.subscription.rules.SubscriberScope;
import org.springframework.stereotype.Component;

/** The scope of a signed-in user as FHIR references: their facility, districts and the villages in them. */
@Component
public class SubscriptionScopes {

	private final DistrictScopeInterceptor districtScope;
	private final LocationTreeCache locations;

	public SubscriptionScopes(DistrictScopeInterceptor districtScope, LocationTreeCache locations) {
		this.districtScope = districtScope;
		this.locations = locations;
	}

	public SubscriberScope of(ImisUser user) {
		if (user == null) {
			return SubscriberScope.UNLIMITED;
		}
		String facilityId = districtScope.facilityOf(user);
		String facility = facilityId == null ? null : "Organization/" + facilityId;
		if (!DistrictScope.limited(user)) {
			return new SubscriberScope(facility, Set.of(), Set.of(), false);
		}
		Set<String> districtIds = locations.tree().districtIds(user.districts());
		Set<String> districts = districtIds.stream().map(id -> "Location/" + id).collect(Collectors.toSet());
		Set<String> villages = locations.tree().villagesIn(districtIds).stream().map(id -> "Location/" + id)
				.collect(Collectors.toSet());
		return new SubscriberScope(facility, districts, villages, true);
	}
}
