package org.imisfhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Applies the {@link ResourceVisibility} rules through HAPI's consent interceptor. A request of a user whom
 * no rule limits is authorized as a whole (nothing is examined, totals are kept); otherwise every resource
 * about to be returned (search page, {@code _include}, read, history, operation answer) is asked of the
 * rules limiting that user, and hidden when one of them says so.
 */
public class VisibilityConsentService implements IConsentService {

	private static final String LIMITING_RULES = VisibilityConsentService.class.getName() + ".rules";

	private final List<ResourceVisibility> rules;

	public VisibilityConsentService(List<ResourceVisibility> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Whether some rule limits the user of this request (nobody signed in: the server's own work, not limited). */
	boolean limits(ImisUser user) {
		return user != null && rules.stream().anyMatch(rule -> rule.limits(user));
	}

	@Override
	public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices context) {
		ImisUser user = CurrentUser.get().orElse(null);
		if (user == null) {
			return ConsentOutcome.AUTHORIZED;
		}
		List<ResourceVisibility> limiting = rules.stream().filter(rule -> rule.limits(user)).toList();
		if (limiting.isEmpty()) {
			return ConsentOutcome.AUTHORIZED;
		}
		limiting.forEach(rule -> rule.checkRequest(user, request));
		request.getUserData().put(LIMITING_RULES, limiting);
		return ConsentOutcome.PROCEED;
	}

	@Override
	public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices context) {
		return decide(request, resource);
	}

	@Override
	public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices context) {
		return decide(request, resource);
	}

	private ConsentOutcome decide(RequestDetails request, IBaseResource resource) {
		ImisUser user = CurrentUser.get().orElse(null);
		if (user == null || resource == null) {
			return ConsentOutcome.PROCEED;
		}
		@SuppressWarnings("unchecked")
		List<ResourceVisibility> limiting = (List<ResourceVisibility>) request.getUserData().get(LIMITING_RULES);
		if (limiting == null) {
			limiting = rules.stream().filter(rule -> rule.limits(user)).toList();
		}
		for (ResourceVisibility rule : limiting) {
			if (!rule.visible(user, resource)) {
				return ConsentOutcome.REJECT;
			}
		}
		return ConsentOutcome.PROCEED;
	}
}
