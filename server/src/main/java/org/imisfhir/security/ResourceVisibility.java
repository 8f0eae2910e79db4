package org.imisfhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One rule hiding resources from some users (HIV data from users without the grant, the claims and
 * policies of programmes a user is not assigned to). Registered as a Spring bean, it is applied by
 * {@link VisibilityConsentService} to every answer of the FHIR endpoint.
 */
public interface ResourceVisibility {

	/** Whether the rule hides anything from this user at all; when no rule does, nothing is filtered. */
	boolean limits(ImisUser user);

	/** Whether the user may see this resource; only asked when {@link #limits} is true for them. */
	boolean visible(ImisUser user, IBaseResource resource);

	/**
	 * Refuses a request of a user this rule limits whose parameters would reveal what the rule hides (throw an
	 * ImisRuleException); by default every request may go on.
	 */
	default void checkRequest(ImisUser user, RequestDetails request) {}

	/**
	 * What a bulk export of a user this rule limits must remember to leave out what it hides (bulk export runs as a
	 * job, outside the consent interceptor and without the user): kept with the job; empty when nothing is hidden.
	 */
	default java.util.Optional<String> exportNote(ImisUser user) {
		return java.util.Optional.empty();
	}

	/** Whether a resource goes into a bulk export whose job was given {@code note} by {@link #exportNote}. */
	default boolean exportable(String note, IBaseResource resource) {
		return true;
	}
}
