package org.imisfhir.programme.mpi.rules;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which identifiers may be linked to an insuree: a system that is an absolute URI (http, https, urn:oid,
 * urn:uuid) and not one of the scheme's own systems, and a value of 1 to {@value #MAX_LENGTH} printable
 * characters without spaces; a national MPI number must also have the configured format.
 */
public final class IdentifierLinkRule {

	public static final int MAX_LENGTH = 64;
	private static final Pattern URI = Pattern.compile("(https?://[^\\s|]+|urn:oid:[0-2](\\.\\d+)+|urn:uuid:[0-9a-fA-F-]{36})");
	private static final Pattern VALUE = Pattern.compile("[\\p{Graph}&&[^|]]{1," + MAX_LENGTH + "}");

	public enum Refusal { SYSTEM_NOT_URI, SYSTEM_RESERVED, VALUE_MALFORMED, MPI_NUMBER_FORMAT }

	private final String mpiSystem;
	private final Pattern mpiNumber;
	private final Set<String> reservedSystems;

	/**
	 * @param mpiSystem       the country's national MPI identifier system
	 * @param mpiNumber       the format of a national MPI number
	 * @param reservedSystems systems the scheme assigns itself (insurance number, family code ...)
	 */
	public IdentifierLinkRule(String mpiSystem, String mpiNumber, Set<String> reservedSystems) {
		this.mpiSystem = mpiSystem;
		this.mpiNumber = Pattern.compile(mpiNumber);
		this.reservedSystems = Set.copyOf(reservedSystems);
	}

	public Optional<Refusal> check(String system, String value) {
		if (system == null || !URI.matcher(system).matches()) {
			return Optional.of(Refusal.SYSTEM_NOT_URI);
		}
		if (reservedSystems.contains(system)) {
			return Optional.of(Refusal.SYSTEM_RESERVED);
		}
		if (value == null || !VALUE.matcher(value).matches()) {
			return Optional.of(Refusal.VALUE_MALFORMED);
		}
		if (system.equals(mpiSystem) && !mpiNumber.matcher(value).matches()) {
			return Optional.of(Refusal.MPI_NUMBER_FORMAT);
		}
		return Optional.empty();
	}

	/** The HL7 v2-0203 identifier type of a linked number: NI for the national MPI number, MR for an EMR's. */
	public String typeCode(String system) {
		return system.equals(mpiSystem) ? "NI" : "MR";
	}
}
