package org.imisfhir.subscription.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a Subscription's criteria stay within what a limited subscriber may see. The criteria must carry,
 * for each limit of the subscriber, one of the search parameters that express it, and every value of that
 * parameter must lie within the limit:
 * <ul>
 *   <li>a user of a health facility: claims, claim responses and payment statements of that facility
 *       ({@code Claim?provider=}, {@code ClaimResponse?request:Claim.provider=},
 *       {@code PaymentReconciliation?requestor=});
 *   <li>a user limited to districts: the same through the facility's district
 *       ({@code ...:Organization.district=Location/<district>}), and families, insurees and policies through
 *       their family's village ({@code Group?village=}, {@code Patient?family-group.village=},
 *       {@code Coverage?family.village=} with villages of the user's districts).
 * </ul>
 * Reference data (registers, locations, conformance resources) is not limited; any other type holding
 * personal or financial data cannot be narrowed and is refused to a limited subscriber.
 */
public final class CriteriaScopeRule {

	/** Parameters naming the facility of a resource, per type. */
	static final Map<String, List<String>> FACILITY_PARAMETERS = Map.of(
			"Claim", List.of("provider", "provider:Organization"),
			"ClaimResponse", List.of("request:Claim.provider", "request.provider"),
			"PaymentReconciliation", List.of("requestor", "requestor:Organization"));

	/** Parameters naming the district of a resource (through its facility), per type. */
	static final Map<String, List<String>> DISTRICT_PARAMETERS = Map.of(
			"Claim", List.of("provider:Organization.district", "provider.district"),
			"ClaimResponse", List.of("request:Claim.provider:Organization.district", "request.provider.district"),
			"PaymentReconciliation", List.of("requestor:Organization.district", "requestor.district"));

	/** Parameters naming the village of a resource (through its family), per type. */
	static final Map<String, List<String>> VILLAGE_PARAMETERS = Map.of(
			"Group", List.of("village"),
			"Patient", List.of("family-group.village", "family-group:Group.village"),
			"Coverage", List.of("family.village", "family:Group.village"));

	private CriteriaScopeRule() {}

	/** Why the criteria reach beyond the scope; empty when they stay within it. */
	public static Optional<ScopeRefusal> check(
			String resourceType, Map<String, List<String>> parameters, SubscriberScope scope, Set<String> unlimitedTypes) {
		if (!scope.limited() || unlimitedTypes.contains(resourceType)) {
			return Optional.empty();
		}
		boolean facilityType = FACILITY_PARAMETERS.containsKey(resourceType);
		boolean villageType = VILLAGE_PARAMETERS.containsKey(resourceType);
		if (!facilityType && !villageType) {
			return Optional.of(new ScopeRefusal(resourceType, List.of(), "-"));
		}
		if (facilityType && scope.facility() != null
				&& !narrowed(parameters, FACILITY_PARAMETERS.get(resourceType), Set.of(scope.facility()), "Organization/")) {
			return Optional.of(new ScopeRefusal(resourceType, FACILITY_PARAMETERS.get(resourceType), scope.facility()));
		}
		if (scope.districtLimited()) {
			if (facilityType && !narrowed(parameters, DISTRICT_PARAMETERS.get(resourceType), scope.districts(), "Location/")) {
				return Optional.of(new ScopeRefusal(resourceType, DISTRICT_PARAMETERS.get(resourceType), String.join(",", sorted(scope.districts()))));
			}
			if (villageType && !narrowed(parameters, VILLAGE_PARAMETERS.get(resourceType), scope.villages(), "Location/")) {
				return Optional.of(new ScopeRefusal(resourceType, VILLAGE_PARAMETERS.get(resourceType), String.join(",", sorted(scope.villages()))));
			}
		}
		return Optional.empty();
	}

	/**
	 * True when one of the parameters occurs with every one of its values (a comma means "or") among the
	 * allowed references; repeating a parameter means "and", so one narrowed occurrence is enough.
	 */
	static boolean narrowed(Map<String, List<String>> parameters, List<String> names, Set<String> allowed, String prefix) {
		if (allowed.isEmpty()) {
			return false;
		}
		for (String name : names) {
			for (String occurrence : parameters.getOrDefault(name, List.of())) {
				if (occurrence == null || occurrence.isBlank()) {
					continue;
				}
				boolean all = true;
				for (String value : occurrence.split(",")) {
					String reference = value.trim().contains("/") ? value.trim() : prefix + value.trim();
					all &= allowed.contains(reference);
				}
				if (all) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	/**
	 * A refusal: the criteria of this type must carry one of these parameters with values among
	 * {@code allowed} (empty parameters: the type cannot be narrowed at all).
	 */
	public record ScopeRefusal(String resourceType, List<String> parameters, String allowed) {}
}
