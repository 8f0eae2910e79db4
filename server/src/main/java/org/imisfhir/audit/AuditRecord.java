package org.imisfhir.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.imisfhir.security.ImisRole;

/**
 * One audited request or server write, before it becomes an AuditEvent.
 *
 * @param recorded    when the request ended (or the server's own write was committed)
 * @param username    who: the signed-in user, or {@value #SYSTEM_USER} for the server's own work
 * @param roles       the user's roles
 * @param clientId    the client application the token was issued to, or null
 * @param address     the caller's network address, or null
 * @param interaction the FHIR interaction: create, update, patch, delete, transaction, batch or operation
 * @param operation   the operation called ({@code Group/$enrol}, {@code $import-catalogue}), or null
 * @param target      what the request named: a type or {@code Type/id}; null for server-level requests
 * @param entities    the resources written, as versioned references ({@code Patient/12/_history/2})
 * @param status      the HTTP status of the answer (200 for the server's own writes)
 * @param outcomeText why the request failed, or null
 * @param reason      why the user did it, when the operation asks for a reason (identifier link, merge), or null
 * @param details     what the operation was about beyond the resources written (an identifier linked ...)
 */
public record AuditRecord(
		Instant recorded,
		String username,
		Set<ImisRole> roles,
		String clientId,
		String address,
		String interaction,
		String operation,
		String target,
		List<String> entities,
		int status,
		String outcomeText,
		String reason,
		Map<String, String> details) {

	public static final String SYSTEM_USER = "system";

	public AuditRecord {
		roles = Set.copyOf(roles);
		entities = List.copyOf(entities);
		details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/** A record without reason or details. */
	public AuditRecord(
			Instant recorded, String username, Set<ImisRole> roles, String clientId, String address, String interaction,
			String operation, String target, List<String> entities, int status, String outcomeText) {
		this(recorded, username, roles, clientId, address, interaction, operation, target, entities, status, outcomeText,
				null, Map.of());
	}

	public boolean succeeded() {
		return status < 400;
	}
}
