package org.imisfhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.imisfhir.app.ImisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Installs the conformance resources packaged from profiles/ and terminology/ at start-up. Each resource is
 * written under its own id, so a restart changes nothing, a changed file makes a new version and an unchanged
 * one none. A country folder is read only when that country is configured.
 */
@Component
@Order(10)
public class ConformanceLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConformanceLoader.class);
	static final String[] ROOTS = {"fhir/terminology", "fhir/profiles"};

	private final FhirContext fhirContext;
	private final DaoRegistry daoRegistry;
	private final ConformanceRegistry registry;
	private final ImisProperties properties;
	private final ISearchParamRegistry searchParamRegistry;

	public ConformanceLoader(
			FhirContext fhirContext,
			DaoRegistry daoRegistry,
			ConformanceRegistry registry,
			ImisProperties properties,
			ISearchParamRegistry searchParamRegistry) {
		this.fhirContext = fhirContext;
		this.daoRegistry = daoRegistry;
		this.registry = registry;
		this.properties = properties;
		this.searchParamRegistry = searchParamRegistry;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		install(readPackagedFiles());
	}

	/** Installs the given files and returns how many were created, updated and left unchanged. */
	public InstallReport install(List<ConformanceFile> files) {
		long started = System.currentTimeMillis();
		InstallReport report = new InstallReport();
		files.stream().sorted(Comparator.comparingInt(ConformanceFile::rank).thenComparing(ConformanceFile::path))
				.forEach(file -> installOne(file, report));
		if (searchParamRegistry != null) {
			// Our SearchParameters (e.g. code uniqueness) must be active before any data is written
			searchParamRegistry.forceRefresh();
		}
		log.info(
				"Conformance resources installed in {} ms: {} created, {} updated, {} unchanged (country package: {})",
				System.currentTimeMillis() - started,
				report.created,
				report.updated,
				report.unchanged,
				countryOrNone());
		return report;
	}

	@SuppressWarnings("unchecked")
	private void installOne(ConformanceFile file, InstallReport report) {
		Resource resource = file.resource();
		IFhirResourceDao<Resource> dao = (IFhirResourceDao<Resource>) daoRegistry.getResourceDao(resource.fhirType());
		DaoMethodOutcome outcome = dao.update(resource, new SystemRequestDetails());
		if (Boolean.TRUE.equals(outcome.getCreated())) {
			report.created++;
		} else if (outcome.isNop()) {
			report.unchanged++;
		} else {
			report.updated++;
			log.info("Updated {} from {}", resource.fhirType() + "/" + resource.getIdElement().getIdPart(), file.path());
		}
		if (resource instanceof MetadataResource metadata && metadata.hasUrl()) {
			registry.recordCanonical(metadata.getUrl());
		}
		if (resource instanceof StructureDefinition definition
				&& definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
				&& definition.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
			registry.recordProfile(definition.getType(), definition.getUrl());
		}
	}

	/** Reads every packaged JSON conformance resource that applies to the configured country. */
	public List<ConformanceFile> readPackagedFiles() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<ConformanceFile> files = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String root : ROOTS) {
			for (org.springframework.core.io.Resource entry : resolver.getResources("classpath*:" + root + "/**/*.json")) {
				String path = entry.getURL().toString();
				String relative = path.substring(path.indexOf(root));
				if (!appliesToConfiguredCountry(relative)) {
					continue;
				}
				Resource resource = parse(entry, relative);
				String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
				if (!seen.add(key)) {
					throw new IllegalStateException("Two conformance files define " + key + " (second: " + relative + ")");
				}
				files.add(new ConformanceFile(relative, resource));
			}
		}
		return files;
	}

	private Resource parse(org.springframework.core.io.Resource entry, String relative) throws IOException {
		try (InputStream in = entry.getInputStream()) {
			Resource resource = (Resource) fhirContext.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			if (!resource.getIdElement().hasIdPart()) {
				throw new IllegalStateException("Conformance file " + relative + " has no id");
			}
			return resource;
		}
	}

	boolean appliesToConfiguredCountry(String relativePath) {
		int index = relativePath.indexOf("/countries/");
		if (index < 0) {
			return true;
		}
		String rest = relativePath.substring(index + "/countries/".length());
		String country = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		return country.equalsIgnoreCase(countryOrNone());
	}

	private String countryOrNone() {
		String country = properties.getCountry();
		return country == null || country.isBlank() ? "none" : country.trim().toLowerCase(Locale.ROOT);
	}

	/** Counts of one installation pass. */
	public static final class InstallReport {
		private int created;
		private int updated;
		private int unchanged;

		public int created() {
			return created;
		}

		public int updated() {
			return updated;
		}

		public int unchanged() {
			return unchanged;
		}
	}
}
