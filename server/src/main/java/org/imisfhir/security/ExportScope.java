package org.imisfhir.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a bulk export may hold for a user: the resource types their roles read, each narrowed to their districts
 * or facility by search conditions that HAPI's export adds to its own searches ({@code _typeFilter}). A type
 * that a limited user's export cannot be narrowed for is refused when asked for and left out otherwise.
 */
public final class ExportScope {

	/** Where a limited user works: village and district references ({@code Location/<id>}) and their facility. */
	public record Area(boolean districtLimited, List<String> villages, List<String> districts, String facility) {

		public static final Area EVERYWHERE = new Area(false, List.of(), List.of(), null);

		public boolean limited() {
			return districtLimited || facility != null;
		}
	}

	/** The export as it may run: its resource types and type filters. */
	public record Narrowed(List<String> types, List<String> filters) {}

	/** Why it may not run: the violation and the resource type at fault. */
	public record Refusal(SecurityViolation violation, String type) {}

	/** Either the narrowed export or its refusal. */
	public record Decision(Narrowed narrowed, Refusal refusal) {

		public boolean refused() {
			return refusal != null;
		}
	}

	private enum Within { VILLAGES, DISTRICTS, FACILITY }

	private record Condition(String parameter, Within within) {}

	/**
	 * The search conditions placing a resource in the user's area: a family by its village, an insuree by their
	 * family's village, a policy by its family's village, a claim by its health facility (the facility itself for a
	 * facility user, its district otherwise). The same rules as {@link DistrictScopeInterceptor} for Group, Patient
	 * and Claim. Types reached only through two references (contributions, claim answers, eligibility enquiries)
	 * are not listed: HAPI's export searches refuse chains of two levels ({@link #CHECKED_WHILE_WRITTEN}).
	 */
	private static final Map<String, List<Condition>> CONDITIONS = Map.of(
			"Group", List.of(new Condition("village", Within.VILLAGES)),
			"Patient", List.of(new Condition("family-group.village", Within.VILLAGES)),
			"Coverage", List.of(new Condition("family.village", Within.VILLAGES)),
			"Claim", List.of(
					new Condition("provider:Organization.district", Within.DISTRICTS),
					new Condition("provider", Within.FACILITY)));

	/**
	 * Types reached only through two references, which HAPI's export searches cannot narrow: exported for a limited
	 * user all the same, each resource checked against the user's area as the files are written
	 * ({@link BulkExportVisibilityFilter}), by the same rules as their searches ({@link DistrictScopeInterceptor}).
	 */
	public static final Set<String> CHECKED_WHILE_WRITTEN = Set.of(
			"PaymentNotice", "ClaimResponse", "CoverageEligibilityRequest", "CoverageEligibilityResponse",
			"Communication", "CommunicationRequest");

	/** The exported types a limited user's area is checked on while the files are written. */
	public static List<String> checkedWhileWritten(List<String> types, Area area) {
		return area.limited() ? types.stream().filter(CHECKED_WHILE_WRITTEN::contains).toList() : List.of();
	}

	/** Types hidden in part from a user limited to programmes (ProgrammeVisibility): not exported for them. */
	public static final Set<String> PROGRAMME_TYPES = Set.of("Claim", "ClaimResponse", "Coverage");

	/** Types every user sees whole, whatever their districts: the registers, locations, profiles and terminology. */
	static final Set<String> SEEN_WHOLE = union(RoleRights.REGISTERS, RoleRights.LOCATIONS, RoleRights.CONFORMANCE);

	/** A search value matching no resource, for a limited user whose area is empty. */
	static final String NOWHERE = "Location/out-of-scope";

	private ExportScope() {}

	/**
	 * @param rights         what the user's roles allow
	 * @param area           where the user works
	 * @param types          the resource types of the export (asked for, or HAPI's default for its level)
	 * @param typesAsked     whether the client named the types ({@code _type}): then a type it may not have is refused
	 * @param filters        the client's {@code _typeFilter}s ({@code Type?param=value&...})
	 */
	public static Decision decide(Rights rights, Area area, List<String> types, boolean typesAsked, List<String> filters) {
		List<String> kept = new ArrayList<>();
		for (String type : types) {
			if (!rights.can(type, Access.READ)) {
				if (typesAsked) {
					return new Decision(null, new Refusal(SecurityViolation.EXPORT_TYPE_NOT_ALLOWED, type));
				}
				continue;
			}
			if (conditions(type, area).isEmpty()) {
				if (typesAsked) {
					return new Decision(null, new Refusal(SecurityViolation.EXPORT_NOT_NARROWABLE, type));
				}
				continue;
			}
			kept.add(type);
		}
		if (kept.isEmpty()) {
			return new Decision(null, new Refusal(SecurityViolation.EXPORT_TYPE_NOT_ALLOWED, String.join(",", types)));
		}
		return new Decision(new Narrowed(List.copyOf(kept), narrowedFilters(kept, area, filters)), null);
	}

	/** Each kept type's filters with the user's conditions added (AND); a type without filters gets its own. */
	private static List<String> narrowedFilters(List<String> types, Area area, List<String> filters) {
		List<String> narrowed = new ArrayList<>();
		for (String type : types) {
			String condition = String.join("&", conditions(type, area).orElseThrow());
			List<String> own = filters.stream().filter(filter -> filter.startsWith(type + "?")).toList();
			if (condition.isEmpty()) {
				narrowed.addAll(own);
			} else if (own.isEmpty()) {
				narrowed.add(type + "?" + condition);
			} else {
				own.forEach(filter -> narrowed.add(filter + "&" + condition));
			}
		}
		return narrowed;
	}

	/** The conditions narrowing a type to the area (none needed: empty list); empty when it cannot be narrowed. */
	static Optional<List<String>> conditions(String type, Area area) {
		if (!area.limited() || SEEN_WHOLE.contains(type) || CHECKED_WHILE_WRITTEN.contains(type)) {
			return Optional.of(List.of());
		}
		List<Condition> conditions = CONDITIONS.get(type);
		if (conditions == null) {
			return Optional.empty();
		}
		List<String> applied = new ArrayList<>();
		for (Condition condition : conditions) {
			switch (condition.within()) {
				case VILLAGES -> {
					if (area.districtLimited()) {
						applied.add(condition.parameter() + "=" + anyOf(area.villages()));
					}
				}
				case DISTRICTS -> {
					if (area.districtLimited()) {
						applied.add(condition.parameter() + "=" + anyOf(area.districts()));
					}
				}
				case FACILITY -> {
					if (area.facility() != null) {
						applied.add(condition.parameter() + "=Organization/" + area.facility());
					}
				}
			}
		}
		return Optional.of(applied);
	}

	private static String anyOf(List<String> references) {
		return references.isEmpty() ? NOWHERE : String.join(",", references);
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> union = new LinkedHashSet<>();
		for (Set<String> set : sets) {
			union.addAll(set);
		}
		return Set.copyOf(union);
	}
}
