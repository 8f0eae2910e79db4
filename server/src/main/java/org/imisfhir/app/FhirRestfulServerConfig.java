package org.imisfhir.app;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.imisfhir.audit.AuditRequestInterceptor;
import org.imisfhir.conformance.CapabilityStatementEnricher;
import org.imisfhir.export.BulkExportEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.imisfhir.outcome.OperationOutcomeLocaliser;
import org.imisfhir.security.ConsentConfig;
import org.imisfhir.security.DistrictScopeInterceptor;
import org.imisfhir.security.RoleAuthorizationInterceptor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

/** The FHIR REST endpoint at /fhir: HAPI's RestfulServer with the JPA providers and our operations. */
@Configuration
public class FhirRestfulServerConfig {

	public static final String FHIR_PATH = "/fhir";

	@Bean
	public RestfulServer fhirRestfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviderFactory,
			IJpaSystemProvider systemProvider,
			ValueSetOperationProvider valueSetOperationProvider,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			OperationOutcomeLocaliser outcomeLocaliser,
			CapabilityStatementEnricher capabilityStatementEnricher,
			ObjectProvider<ImisOperationProvider> operationProviders,
			RoleAuthorizationInterceptor authorizationInterceptor,
			DistrictScopeInterceptor districtScopeInterceptor,
			ConsentConfig.VisibilityInterceptors visibilityInterceptors,
			ObjectProvider<AuditRequestInterceptor> auditInterceptor,
			ObjectProvider<BulkExportEndpoint> bulkExport,
			ImisProperties properties) {
		RestfulServer server = new RestfulServer(systemDao.getContext());
		server.setServerName("IMIS-FHIR");
		server.registerProviders(resourceProviderFactory.createProviders());
		server.registerProvider(systemProvider);
		server.registerProvider(valueSetOperationProvider);
		operationProviders.orderedStream().forEach(server::registerProvider);
		bulkExport.ifAvailable(export -> server.registerProvider(export.provider()));

		JpaCapabilityStatementProvider capabilityStatementProvider = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilityStatementProvider.setImplementationDescription(
				"FHIR-native health-insurance management server (openIMIS domain)");
		server.setServerConformanceProvider(capabilityStatementProvider);

		pagingProvider.setDefaultPageSize(properties.getFhir().getDefaultPageSize());
		pagingProvider.setMaximumPageSize(properties.getFhir().getMaxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setServerAddressStrategy(new IncomingRequestAddressStrategy());

		server.registerInterceptor(outcomeLocaliser);
		// what the signed-in user may do (sign-in itself is Spring Security's, before the servlet)
		server.registerInterceptor(authorizationInterceptor);
		server.registerInterceptor(districtScopeInterceptor);
		visibilityInterceptors.inOrder().forEach(server::registerInterceptor);
		bulkExport.ifAvailable(export -> export.interceptors().forEach(server::registerInterceptor));
		auditInterceptor.ifAvailable(server::registerInterceptor);
		server.registerInterceptor(capabilityStatementEnricher);
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		if (properties.getFhir().isOpenapiEnabled()) {
			server.registerInterceptor(new OpenApiInterceptor());
		}
		String origins = properties.getFhir().getCorsAllowedOrigins();
		if (origins != null && !origins.isBlank()) {
			server.registerInterceptor(new CorsInterceptor(corsConfiguration(origins)));
		}
		return server;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServletRegistration(RestfulServer fhirRestfulServer) {
		ServletRegistrationBean<RestfulServer> registration =
				new ServletRegistrationBean<>(fhirRestfulServer, FHIR_PATH + "/*");
		registration.setName("fhirServlet");
		registration.setLoadOnStartup(1);
		return registration;
	}

	private static CorsConfiguration corsConfiguration(String origins) {
		CorsConfiguration config = new CorsConfiguration();
		for (String origin : origins.split(",")) {
			config.addAllowedOriginPattern(origin.trim());
		}
		config.addAllowedHeader("*");
		config.addExposedHeader("Location");
		config.addExposedHeader("Content-Location");
		config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"));
		return config;
	}
}
