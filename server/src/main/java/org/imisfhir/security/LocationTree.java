package org.imisfhir.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative tree (regions, districts, municipalities, villages) as far as scoping needs it: which
 * district a location lies in, and which villages lie in a district. Plain data, built from the stored
 * Locations by {@link LocationTreeCache}.
 */
public final class LocationTree {

	/** One location: its logical id, code, level (R, D, W, V) and parent's logical id (null for a region). */
	public record Node(String id, String code, String level, String parentId) {}

	private final Map<String, Node> byId = new HashMap<>();
	private final Map<String, String> idByCode = new HashMap<>();

	public LocationTree(Collection<Node> nodes) {
		for (Node node : nodes) {
			byId.put(node.id(), node);
			if (node.code() != null) {
				idByCode.put(node.code(), node.id());
			}
		}
	}

	/** The logical ids of the districts with these codes (unknown codes are left out). */
	public Set<String> districtIds(Collection<String> districtCodes) {
		Set<String> ids = new LinkedHashSet<>();
		for (String code : districtCodes) {
			String id = idByCode.get(code);
			if (id != null && "D".equals(byId.get(id).level())) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** The district a location lies in (itself for a district); empty for a region or an unknown location. */
	public Optional<String> districtOf(String locationId) {
		String current = locationId;
		for (int depth = 0; current != null && depth < 10; depth++) {
			Node node = byId.get(current);
			if (node == null) {
				return Optional.empty();
			}
			if ("D".equals(node.level())) {
				return Optional.of(node.id());
			}
			current = node.parentId();
		}
		return Optional.empty();
	}

	/** The logical ids of every village lying in one of these districts, in a stable order. */
	public List<String> villagesIn(Set<String> districtIds) {
		return byId.values().stream()
				.filter(node -> "V".equals(node.level()))
				.filter(node -> districtOf(node.id()).map(districtIds::contains).orElse(false))
				.map(Node::id)
				.sorted()
				.toList();
	}

	/** The location with this logical id, when known. */
	public Optional<Node> node(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Every district, by code. */
	public List<Node> districts() {
		return byId.values().stream()
				.filter(node -> "D".equals(node.level()))
				.sorted(java.util.Comparator.comparing(node -> String.valueOf(node.code())))
				.toList();
	}
}
