package org.imisfhir.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.imisfhir.security.ImisRole;

/**
 * One change of money or eligibility, before it becomes a Provenance.
 *
 * @param recorded  when the change was made (its transaction about to commit)
 * @param username  who: the signed-in user, or {@value AuditRecord#SYSTEM_USER} for the server's own work
 * @param roles     the user's roles
 * @param clientId  the client application the token was issued to, or null
 * @param activity  what kind of change
 * @param operation the operation called ({@code Claim/$submit}), or null for a plain write
 * @param targets   the resources written, as versioned references ({@code Coverage/12/_history/3})
 * @param deleted   the resources deleted (named, since a deleted version cannot be referenced)
 * @param reason    the reason given with the request, or null
 */
public record ProvenanceRecord(
		Instant recorded,
		String username,
		Set<ImisRole> roles,
		String clientId,
		ProvenanceActivity activity,
		String operation,
		List<String> targets,
		List<String> deleted,
		String reason) {

	public ProvenanceRecord {
		roles = Set.copyOf(roles);
		targets = List.copyOf(targets);
		deleted = List.copyOf(deleted);
	}
}
