package org.imisfhir.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extra search conditions that keep a search of a scoped type within a user's districts or facility:
 * each type is narrowed through the search parameter chain that leads to its village (families, insurees,
 * policies, contributions, eligibility enquiries) or to its health facility (claims, claim responses, claim
 * feedback, facilities themselves). Plain data: {@link DistrictScopeInterceptor} adds the conditions to the
 * request before HAPI runs the search, so the database returns in-scope resources only.
 */
public final class SearchNarrowing {

	/** One condition: a search parameter (with its chain) and the value list it must match. */
	public record Condition(String parameter, String value) {}

	/** Chains from a type to the village its district is taken from. */
	static final Map<String, String> TO_VILLAGE = Map.of(
			"Group", "village",
			"Patient", "family-group.village",
			"Coverage", "family.village",
			// HAPI reads a chain after a typed hop only when each further hop is typed too
			"PaymentNotice", "request:Coverage.family:Group.village",
			"CoverageEligibilityRequest", "patient:Patient.family-group:Group.village",
			"CoverageEligibilityResponse", "patient:Patient.family-group:Group.village");

	/** Chains from a type to the health facility it belongs to. */
	static final Map<String, String> TO_FACILITY = Map.of(
			"Claim", "provider",
			"ClaimResponse", "request:Claim.provider",
			"Communication", "about:Claim.provider",
			"CommunicationRequest", "about:Claim.provider");

	static final String ORGANIZATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/organization-type";
	static final String FACILITY_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-health-facility";

	public static final Set<String> NARROWED_TYPES;

	static {
		java.util.HashSet<String> types = new java.util.HashSet<>(TO_VILLAGE.keySet());
		types.addAll(TO_FACILITY.keySet());
		types.add("Organization");
		NARROWED_TYPES = Set.copyOf(types);
	}

	private SearchNarrowing() {}

	/**
	 * The conditions for one search.
	 *
	 * @param type        the searched resource type
	 * @param parameters  the search's own parameters (an Organization search is narrowed only when it asks for
	 *                    health facilities: other Organizations, payers and the scheme, are not scoped)
	 * @param villages    the user's villages as a value list ({@code Location/a,Location/b}), or null when the
	 *                    user is not limited to districts
	 * @param districts   the user's districts as a value list, or null when not limited to districts
	 * @param facilityId  the logical id of the user's health facility, or null
	 * @return the conditions to add; empty when nothing narrows this search
	 */
	public static List<Condition> conditions(
			String type, Map<String, String[]> parameters, String villages, String districts, String facilityId) {
		List<Condition> conditions = new ArrayList<>();
		String toVillage = TO_VILLAGE.get(type);
		if (toVillage != null && villages != null) {
			conditions.add(new Condition(toVillage, villages));
		}
		String toFacility = TO_FACILITY.get(type);
		if (toFacility != null) {
			if (facilityId != null) {
				conditions.add(new Condition(toFacility, "Organization/" + facilityId));
			}
			if (districts != null) {
				conditions.add(new Condition(toFacility + ":Organization.district", districts));
			}
		}
		if ("Organization".equals(type) && asksForFacilities(parameters)) {
			if (facilityId != null) {
				conditions.add(new Condition("_id", facilityId));
			}
			if (districts != null) {
				conditions.add(new Condition("district", districts));
			}
		}
		return conditions;
	}

	/** An Organization search restricted to health facilities, by type {@code prov} or the facility profile. */
	static boolean asksForFacilities(Map<String, String[]> parameters) {
		return mentions(parameters.get("type"), "prov") || mentions(parameters.get("_profile"), FACILITY_PROFILE);
	}

	private static boolean mentions(String[] values, String wanted) {
		if (values == null) {
			return false;
		}
		return Arrays.stream(values)
				.flatMap(value -> Arrays.stream(value.split(",")))
				.map(value -> value.contains("|") ? value.substring(value.indexOf('|') + 1) : value)
				.anyMatch(wanted::equals);
	}
}
