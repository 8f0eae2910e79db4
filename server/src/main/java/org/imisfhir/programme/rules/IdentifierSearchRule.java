package org.imisfhir.programme.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which searches could find resources through an insuree's identifier given by its value alone, for a user who may
 * not see sensitive data. The sensitive identifiers (Cameroon: TARV code, national MPI number) are insurees'
 * identifiers with a system of their own; a search naming that system is refused elsewhere. Without a system,
 * {@code Claim?patient.identifier=T123} would match the claims of whoever holds TARV code T123: the insuree is
 * hidden, the claims pointing at them are not. So a search by an insuree's identifier must give a system
 * ({@code system|value}; {@code |value}, an identifier without system, cannot be a sensitive one) when it:
 * <ul>
 * <li>goes through a reference to an insuree (a chain {@code patient.identifier}, {@code subject:Patient.identifier},
 * {@code beneficiary.identifier}, or a reverse chain {@code _has:Patient:family-group:identifier}), or</li>
 * <li>searches insurees by identifier and also asks for {@code _include} or {@code _revinclude}, which would show
 * what points at or from a hidden insuree.</li>
 * </ul>
 * {@code Patient?identifier=123456789} alone stays allowed: what it finds is the insurees themselves, and the hidden
 * ones are left out of the answer. Modifiers other than {@code :not} and {@code :missing} ({@code :of-type},
 * {@code :text}) match without the identifier's system and are refused in those cases too. A chain whose hops
 * cannot be told is taken as reaching an insuree.
 */
public final class IdentifierSearchRule {

	/** The insuree's resource type. */
	static final String INSUREE = "Patient";
	private static final String ANY = "*";

	/**
	 * The types a reference search parameter of a type points to: empty when the parameter is unknown or may point to
	 * any type; an empty set for a parameter that is not a reference.
	 */
	@FunctionalInterface
	public interface Targets {
		Optional<Set<String>> of(String resourceType, String parameter);
	}

	private IdentifierSearchRule() {}

	/**
	 * @param resourceType the type searched (null for a search of every type)
	 * @param parameter the parameter's name as sent, with its chain and modifiers
	 * @param values its values, each possibly an OR list ({@code a,b})
	 * @param includes whether the request also asks for {@code _include} or {@code _revinclude}
	 * @return whether the search must be refused until it gives the identifier's system
	 */
	public static boolean needsSystem(String resourceType, String parameter, String[] values, boolean includes, Targets targets) {
		Parsed parsed = parse(resourceType, parameter, targets);
		if (parsed == null || !"identifier".equals(parsed.name())
				|| !(parsed.types().contains(INSUREE) || parsed.types().contains(ANY))) {
			return false;
		}
		if ("missing".equals(parsed.modifier()) || (!parsed.chained() && !includes)) {
			return false;
		}
		if (parsed.modifier() != null && !"not".equals(parsed.modifier())) {
			return true;
		}
		for (String value : values == null ? new String[0] : values) {
			for (String alternative : split(value == null ? "" : value, ',')) {
				if (!hasSystemSeparator(alternative)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The parameter's last element, its modifier, the types it applies to, and whether it went through a reference. */
	record Parsed(String name, String modifier, Set<String> types, boolean chained) {}

	static Parsed parse(String resourceType, String parameter, Targets targets) {
		String name = parameter;
		Set<String> types = Set.of(resourceType == null ? ANY : resourceType);
		boolean chained = false;
		while (name.startsWith("_has:")) {
			String[] parts = name.split(":", 4);
			if (parts.length < 4) {
				return null;
			}
			types = Set.of(parts[1]);
			name = parts[3];
			chained = true;
		}
		String[] hops = name.split("\\.");
		for (int i = 0; i < hops.length - 1; i++) {
			String hop = hops[i];
			int colon = hop.indexOf(':');
			if (colon >= 0) {
				types = Set.of(hop.substring(colon + 1));
			} else {
				types = targetsOf(types, hop, targets);
			}
			chained = true;
		}
		String last = hops[hops.length - 1];
		int colon = last.indexOf(':');
		return colon < 0 ? new Parsed(last, null, types, chained)
				: new Parsed(last.substring(0, colon), last.substring(colon + 1), types, chained);
	}

	private static Set<String> targetsOf(Set<String> types, String parameter, Targets targets) {
		Set<String> next = new HashSet<>();
		for (String type : types) {
			if (ANY.equals(type)) {
				return Set.of(ANY);
			}
			Optional<Set<String>> pointed = targets.of(type, parameter);
			if (pointed.isEmpty()) {
				return Set.of(ANY);
			}
			next.addAll(pointed.get());
		}
		return next;
	}

	/** A token value with a system part: a {@code |} not escaped as {@code \|}. */
	private static boolean hasSystemSeparator(String token) {
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '|') {
				return true;
			}
		}
		return false;
	}

	/** Splits on a separator not escaped with a backslash. */
	private static List<String> split(String value, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				current.append(c).append(value.charAt(++i));
			} else if (c == separator) {
				parts.add(current.toString());
				current.setLength(0);
			} else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}
}
