package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.registry.catalogue.rules.CatalogueCodeRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the catalogue rules into HAPI's storage-wide interceptors. */
@Configuration
public class CatalogueConfig {

	@Bean
	public CatalogueCodeRule catalogueCodeRule(ImisProperties properties) {
		return new CatalogueCodeRule(properties.getRegistry().getCatalogueCodeMaxLength());
	}

	@Bean
	public CatalogueCodeInterceptor catalogueCodeInterceptor(CatalogueCodeRule rule, IInterceptorService interceptorService) {
		CatalogueCodeInterceptor interceptor = new CatalogueCodeInterceptor(rule);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}
}
