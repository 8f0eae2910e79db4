package org.imisfhir.security;

import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a user may see of the resources they are otherwise allowed to read: HAPI's consent interceptor, on
 * the FHIR endpoint, applying every {@link ResourceVisibility} rule of the application. It hides resources
 * from search results, {@code _include}, reads, history and operation answers, and drops {@code Bundle.total}
 * for the users it filters, so that counts reveal nothing either.
 */
@Configuration
public class ConsentConfig {

	@Bean
	public ConsentInterceptor consentInterceptor(ObjectProvider<ResourceVisibility> rules) {
		return new ConsentInterceptor(new VisibilityConsentService(rules.orderedStream().toList()));
	}
}
