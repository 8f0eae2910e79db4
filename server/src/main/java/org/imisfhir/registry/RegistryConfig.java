package org.imisfhir.registry;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.imisfhir.app.ImisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the administration registers' rules on every write path (REST, transactions, operations). */
@Configuration
public class RegistryConfig {

	@PersistenceContext
	private EntityManager entityManager;

	@Bean
	public RegistryRulesInterceptor registryRulesInterceptor(
			DaoRegistry daoRegistry, IInterceptorService interceptorService, ImisProperties properties) {
		RegistryRulesInterceptor interceptor =
				new RegistryRulesInterceptor(daoRegistry, properties.getRegistry(), entityManager);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}
}
