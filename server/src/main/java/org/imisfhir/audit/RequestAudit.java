package org.imisfhir.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imisfhir.security.ImisUser;

/**
 * The audit of the request being served on this thread: who asked what, and the resources written while
 * serving it (also those the server writes on its own behalf during the request).
 */
final class RequestAudit {

	private static final ThreadLocal<RequestAudit> CURRENT = new ThreadLocal<>();

	final ImisUser user;
	final String address;
	final String interaction;
	final String operation;
	final String target;
	/** The request itself, for what only its parsed body tells (a reason given). */
	final ca.uhn.fhir.rest.api.server.RequestDetails requestDetails;
	private final Set<String> entities = new LinkedHashSet<>();
	int status = 200;
	String outcomeText;
	String reason;
	final Map<String, String> details = new LinkedHashMap<>();

	RequestAudit(ImisUser user, String address, String interaction, String operation, String target,
			ca.uhn.fhir.rest.api.server.RequestDetails requestDetails) {
		this.requestDetails = requestDetails;
		this.user = user;
		this.address = address;
		this.interaction = interaction;
		this.operation = operation;
		this.target = target;
	}

	static RequestAudit current() {
		return CURRENT.get();
	}

	static void begin(RequestAudit audit) {
		CURRENT.set(audit);
	}

	static RequestAudit end() {
		RequestAudit audit = CURRENT.get();
		CURRENT.remove();
		return audit;
	}

	void written(String versionedReference) {
		entities.add(versionedReference);
	}

	List<String> entities() {
		return new ArrayList<>(entities);
	}

	/** The resources written, when the request succeeded; a failed request wrote nothing. */
	List<String> succeededOrEmpty() {
		return status < 400 ? entities() : List.of();
	}
}
