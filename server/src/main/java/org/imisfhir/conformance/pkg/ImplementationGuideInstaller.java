package org.imisfhir.conformance.pkg;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the conformance package's ImplementationGuide under its id at start-up (after the conformance resources
 * it lists), so that {@code GET /fhir/ImplementationGuide/imis-fhir} answers what the package holds.
 */
@Component
@Order(11)
public class ImplementationGuideInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImplementationGuideInstaller.class);

	private final ConformancePackage conformancePackage;
	private final DaoRegistry daoRegistry;

	public ImplementationGuideInstaller(ConformancePackage conformancePackage, DaoRegistry daoRegistry) {
		this.conformancePackage = conformancePackage;
		this.daoRegistry = daoRegistry;
	}

	@Override
	public void run(ApplicationArguments args) {
		conformancePackage.implementationGuide().ifPresentOrElse(guide -> {
			DaoMethodOutcome outcome = daoRegistry.getResourceDao(ImplementationGuide.class).update(guide, new SystemRequestDetails());
			log.info("Conformance package {}#{} ({} resources): ImplementationGuide/{} {}, download at {}",
					guide.getPackageId(), guide.getVersion(), guide.getDefinition().getResource().size(),
					guide.getIdElement().getIdPart(), outcome.isNop() ? "unchanged" : "stored", ConformancePackage.DOWNLOAD_PATH);
		}, () -> log.warn("No conformance package on the classpath ({}): build the server with Maven to include it",
				ConformancePackage.CLASSPATH_LOCATION));
	}
}
