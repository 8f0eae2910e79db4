package org.imisfhir.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.conformance.pkg.ConformancePackageBuilder;
import org.springframework.stereotype.Component;

/** Adds our installed profiles and the product's identity to the generated CapabilityStatement. */
@Component
@Interceptor
public class CapabilityStatementEnricher {

	private final ConformanceRegistry registry;
	private final ImisProperties properties;

	public CapabilityStatementEnricher(ConformanceRegistry registry, ImisProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void enrich(IBaseConformance generated) {
		if (!(generated instanceof CapabilityStatement statement)) {
			return;
		}
		statement.getSoftware().setName("IMIS-FHIR");
		statement.setPublisher("IMIS-FHIR");
		if (statement.getImplementationGuide().stream().noneMatch(ig -> ConformancePackageBuilder.IG_URL.equals(ig.getValue()))) {
			// the conformance package's guide: GET /fhir/ImplementationGuide/imis-fhir, package at /fhir-package/
			statement.addImplementationGuide(ConformancePackageBuilder.IG_URL);
		}
		Map<String, Set<String>> profiles = registry.profilesByType();
		Map<String, String> required = properties.getValidation().getRequiredProfiles();
		for (CapabilityStatementRestComponent rest : statement.getRest()) {
			for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
				String type = resource.getType();
				if (required.containsKey(type) && !required.get(type).contains(",")) {
					resource.setProfile(required.get(type));
				}
				for (String url : profiles.getOrDefault(type, Set.of())) {
					if (resource.getSupportedProfile().stream().noneMatch(p -> url.equals(p.getValue()))) {
						resource.addSupportedProfile(url);
					}
				}
			}
		}
	}
}
