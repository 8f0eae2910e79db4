package org.imisfhir.security;

import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a user may see of the resources they are otherwise allowed to read: HAPI's consent interceptor, on
 * the FHIR endpoint, applying every {@link ResourceVisibility} rule of the application. It hides resources
 * from search results, {@code _include}, reads, history and operation answers, and drops {@code Bundle.total}
 * for the users it filters, so that counts reveal nothing either. Users no rule limits pass untouched.
 */
@Configuration
public class ConsentConfig {

	/** The interceptors to register on the FHIR endpoint, in this order. */
	public record VisibilityInterceptors(List<Object> inOrder) {}

	@Bean
	public VisibilityInterceptors visibilityInterceptors(ObjectProvider<ResourceVisibility> rules) {
		VisibilityConsentService service = new VisibilityConsentService(rules.orderedStream().toList());
		return new VisibilityInterceptors(List.of(new VisibilityGate(service), new ConsentInterceptor(service)));
	}
}
