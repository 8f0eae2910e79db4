package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;

/**
 * Lets the requests of users whom no visibility rule limits past the consent interceptor untouched, before it
 * looks at them: HAPI's interceptor otherwise refuses {@code _summary=count} and {@code _total=accurate} for
 * everyone. Users a rule limits still get those refused (a count would tell what is hidden).
 */
@Interceptor(order = -100)
public class VisibilityGate {

	private final VisibilityConsentService service;

	public VisibilityGate(VisibilityConsentService service) {
		this.service = service;
	}

	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = -100)
	public void letUnlimitedUsersPass(RequestDetails request) {
		if (!service.limits(CurrentUser.get().orElse(null))) {
			ConsentInterceptor.skipAllConsentForRequest(request);
		}
	}
}
