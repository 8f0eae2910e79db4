package org.imisfhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.conformance.openimis.IgShapeInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Enforces profiles on every write, whether it comes through REST, a transaction Bundle or one of our
 * operations: the interceptors are registered on HAPI's storage-wide interceptor service.
 */
@Configuration
public class ProfileValidationConfig {

	private static final Logger log = LoggerFactory.getLogger(ProfileValidationConfig.class);

	/** Types not validated on write: conformance resources are checked by their own tooling, audit is ours. */
	static final Set<String> NOT_VALIDATED = Set.of(
			"StructureDefinition", "CodeSystem", "ValueSet", "ConceptMap", "SearchParameter", "OperationDefinition",
			"ImplementationGuide", "CapabilityStatement", "NamingSystem", "Binary", "AuditEvent", "Provenance",
			"Subscription", "Bundle");

	/** Maps the openIMIS IG's shapes onto ours on every write; on even when validation is off. */
	@Bean
	public IgShapeInterceptor igShapeInterceptor(IInterceptorService interceptorService) {
		IgShapeInterceptor interceptor = new IgShapeInterceptor();
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}

	@Bean
	public ProfileEnforcingInterceptor profileEnforcingInterceptor(
			FhirContext fhirContext,
			IInstanceValidatorModule instanceValidator,
			IInterceptorService interceptorService,
			ImisProperties properties) {
		Map<String, String> required = properties.getValidation().getRequiredProfiles();
		ProfileEnforcingInterceptor interceptor =
				new ProfileEnforcingInterceptor(
				fhirContext, writeValidator(instanceValidator, properties.getValidation()),
				new RequiredProfileAssigner(required), NOT_VALIDATED);
		if (properties.getValidation().isEnabled()) {
			interceptorService.registerInterceptor(interceptor);
			log.info("Profile validation on write is on; required profiles: {}", required);
		} else {
			log.warn("Profile validation on write is OFF (imis.validation.enabled=false): invalid resources will be stored");
		}
		return interceptor;
	}

	/**
	 * The validator module used on write: HAPI's JPA instance validator module (the one {@code $validate} uses)
	 * with its settings and validation support, keeping its built HL7 validators between writes.
	 */
	static IInstanceValidatorModule writeValidator(IInstanceValidatorModule hapiModule, ImisProperties.Validation settings) {
		if (hapiModule instanceof FhirInstanceValidator hapi && settings.getValidatorMaxUses() > 1
				&& ReusingInstanceValidator.reuseSupported()) {
			log.info("Profile validation on write keeps built validators: up to {} validations each, {} kept ready",
					settings.getValidatorMaxUses(), settings.getValidatorPoolSize());
			return ReusingInstanceValidator.like(hapi, settings.getValidatorMaxUses(), settings.getValidatorPoolSize());
		}
		return hapiModule;
	}
}
