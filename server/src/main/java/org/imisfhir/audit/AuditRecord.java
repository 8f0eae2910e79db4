package org.imisfhir.audit;

import java.time.Instant;
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
		String outcomeText) {

	public static final String SYSTEM_USER = "system";

	public AuditRecord {
		roles = Set.copyOf(roles);
		entities = List.copyOf(entities);
	}

	public boolean succeeded() {
		return status < 400;
	}
}
