package org.imisfhir.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a user may do: per resource type the allowed {@link Access}es, and the business operations they may
 * invoke, named {@code Type/$name} (on the type and its instances) or {@code $name} (on the server).
 */
public final class Rights {

	public static final Rights NONE = new Rights(Map.of(), Set.of());

	private final Map<String, Set<Access>> resources;
	private final Set<String> operations;

	private Rights(Map<String, Set<Access>> resources, Set<String> operations) {
		Map<String, Set<Access>> copy = new LinkedHashMap<>();
		resources.forEach((type, accesses) -> copy.put(type, Collections.unmodifiableSet(EnumSet.copyOf(accesses))));
		this.resources = Collections.unmodifiableMap(copy);
		this.operations = Collections.unmodifiableSet(new LinkedHashSet<>(operations));
	}

	public boolean can(String resourceType, Access access) {
		return resources.getOrDefault(resourceType, Set.of()).contains(access);
	}

	public boolean canInvoke(String operation) {
		return operations.contains(operation);
	}

	/** Resource type to its allowed accesses, in the order they were granted. */
	public Map<String, Set<Access>> resources() {
		return resources;
	}

	public Set<String> operations() {
		return operations;
	}

	/** Everything either of the two allows. */
	public Rights union(Rights other) {
		Builder builder = new Builder();
		builder.add(this);
		builder.add(other);
		return builder.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public static final class Builder {
		private final Map<String, Set<Access>> resources = new LinkedHashMap<>();
		private final Set<String> operations = new LinkedHashSet<>();

		public Builder grant(Set<String> types, Access... accesses) {
			for (String type : types) {
				grant(type, accesses);
			}
			return this;
		}

		public Builder grant(String type, Access... accesses) {
			Set<Access> granted = resources.computeIfAbsent(type, t -> EnumSet.noneOf(Access.class));
			Collections.addAll(granted, accesses);
			return this;
		}

		public Builder operations(Set<String> names) {
			operations.addAll(names);
			return this;
		}

		public Builder operations(String... names) {
			Collections.addAll(operations, names);
			return this;
		}

		Builder add(Rights rights) {
			rights.resources.forEach((type, accesses) -> grant(type, accesses.toArray(Access[]::new)));
			operations.addAll(rights.operations);
			return this;
		}

		public Rights build() {
			return new Rights(resources, operations);
		}
	}

	@Override
	public String toString() {
		return "Rights" + resources + operations;
	}
}
