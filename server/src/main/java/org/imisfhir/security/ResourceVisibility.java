package org.imisfhir.security;

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
}
