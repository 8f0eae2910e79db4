package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.imisfhir.enrolment.ProductLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the programme rules on every write path of policies and claims. */
@Configuration
public class ProgrammeConfig {

	@Bean
	public Programmes programmes(DaoRegistry daos, IInterceptorService interceptors) {
		Programmes programmes = new Programmes(daos);
		interceptors.registerInterceptor(programmes);
		return programmes;
	}

	@Bean
	public ProgrammePolicyInterceptor programmePolicyInterceptor(
			DaoRegistry daos, ProductLookup products, Programmes programmes, ProgrammeProperties properties,
			IInterceptorService interceptors) {
		ProgrammePolicyInterceptor interceptor = new ProgrammePolicyInterceptor(daos, products, programmes, properties);
		interceptors.registerInterceptor(interceptor);
		return interceptor;
	}

	@Bean
	public ProductEligibilityInterceptor productEligibilityInterceptor(
			DaoRegistry daos, ProductLookup products, IInterceptorService interceptors) {
		ProductEligibilityInterceptor interceptor = new ProductEligibilityInterceptor(daos, products);
		interceptors.registerInterceptor(interceptor);
		return interceptor;
	}

	/**
	 * Users assigned to programmes see and write only the claims and policies of those programmes: a visibility
	 * rule of the consent interceptor, and a write check on every storage of a claim or policy.
	 */
	@Bean
	public ProgrammeVisibility programmeVisibility(DaoRegistry daos, Programmes programmes, IInterceptorService interceptors) {
		ProgrammeVisibility visibility = new ProgrammeVisibility(daos, programmes);
		interceptors.registerInterceptor(visibility);
		return visibility;
	}

	@Bean
	public SensitiveDataLabeller sensitiveDataLabeller(DaoRegistry daos, Programmes programmes, IInterceptorService interceptors) {
		SensitiveDataLabeller labeller = new SensitiveDataLabeller(daos, programmes);
		interceptors.registerInterceptor(labeller);
		return labeller;
	}

	/** Hides the sensitive programmes' data from users not granted it (applied by the consent interceptor). */
	@Bean
	public SensitiveDataVisibility sensitiveDataVisibility(Programmes programmes, ISearchParamRegistry searchParameters) {
		return new SensitiveDataVisibility(programmes, searchParameters);
	}

	@Bean
	public ProgrammeClaimInterceptor programmeClaimInterceptor(DaoRegistry daos, Programmes programmes, IInterceptorService interceptors) {
		ProgrammeClaimInterceptor interceptor = new ProgrammeClaimInterceptor(daos, programmes);
		interceptors.registerInterceptor(interceptor);
		return interceptor;
	}
}
