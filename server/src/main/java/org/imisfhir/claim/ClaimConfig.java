package org.imisfhir.claim;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the claim entry rules on every write path. */
@Configuration
public class ClaimConfig {

	@Bean
	public ClaimEntryInterceptor claimEntryInterceptor(DaoRegistry daos, IInterceptorService interceptorService) {
		ClaimEntryInterceptor interceptor = new ClaimEntryInterceptor(daos);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}

	@Bean
	public ClaimProductCache claimProductCache(org.imisfhir.enrolment.ProductLookup products, IInterceptorService interceptorService) {
		ClaimProductCache cache = new ClaimProductCache(products);
		interceptorService.registerInterceptor(cache);
		return cache;
	}

	@Bean
	public ClaimCatalogueCache claimCatalogueCache(DaoRegistry daos, IInterceptorService interceptorService) {
		ClaimCatalogueCache cache = new ClaimCatalogueCache(daos);
		interceptorService.registerInterceptor(cache);
		return cache;
	}

	@Bean
	public FeedbackInterceptor feedbackInterceptor(DaoRegistry daos, IInterceptorService interceptorService) {
		FeedbackInterceptor interceptor = new FeedbackInterceptor(daos);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}
}
