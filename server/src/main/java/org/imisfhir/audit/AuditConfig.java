package org.imisfhir.audit;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit trail: {@link AuditRequestInterceptor} on the FHIR endpoint (registered by the endpoint's
 * configuration), {@link AuditStorageInterceptor} on HAPI's storage-wide interceptor service, and the
 * {@link ProvenanceRecorder} of money- and eligibility-changing writes (unless {@code imis.audit.provenance}
 * is false).
 */
@Configuration
@EnableConfigurationProperties(AuditProperties.class)
@ConditionalOnProperty(prefix = "imis.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class AuditConfig {

	private static final Logger log = LoggerFactory.getLogger(AuditConfig.class);

	@Bean(destroyMethod = "close")
	public AuditTrail auditTrail(
			DaoRegistry daoRegistry, PlatformTransactionManager transactionManager, AuditProperties properties) {
		log.info("Audit trail on: every write and business operation is recorded as an AuditEvent");
		return new AuditTrail(daoRegistry, transactionManager, properties.getQueueCapacity(),
				properties.getBatchSize(), properties.getFlushIntervalMs());
	}

	@Bean
	public AuditRequestInterceptor auditRequestInterceptor(AuditTrail trail) {
		return new AuditRequestInterceptor(trail);
	}

	@Bean
	public AuditStorageInterceptor auditStorageInterceptor(AuditTrail trail, IInterceptorService interceptorService) {
		AuditStorageInterceptor interceptor = new AuditStorageInterceptor(trail);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}

	@Bean
	@ConditionalOnProperty(prefix = "imis.audit", name = "provenance", havingValue = "true", matchIfMissing = true)
	public ProvenanceRecorder provenanceRecorder(DaoRegistry daoRegistry, IInterceptorService interceptorService,
			jakarta.persistence.EntityManagerFactory entityManagerFactory) {
		// a Provenance names the very versions it is about (HAPI strips versions from stored references otherwise)
		// (added to HAPI's own paths, AuditEvent.entity.what among them)
		ca.uhn.fhir.context.ParserOptions parser = daoRegistry.getFhirContext().getParserOptions();
		java.util.Set<String> keepVersions = new java.util.HashSet<>(parser.getDontStripVersionsFromReferencesAtPaths());
		keepVersions.add("Provenance.target");
		parser.setDontStripVersionsFromReferencesAtPaths(keepVersions);
		log.info("Provenance on: every change of money or eligibility is recorded as a Provenance in its own transaction");
		ProvenanceRecorder recorder = new ProvenanceRecorder(daoRegistry,
				org.springframework.orm.jpa.SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
		interceptorService.registerInterceptor(recorder);
		return recorder;
	}
}
