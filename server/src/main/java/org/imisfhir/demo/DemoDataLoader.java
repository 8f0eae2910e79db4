package org.imisfhir.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.imisfhir.app.ImisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the demo scheme (transaction Bundles under {@code demo/}, in file-name order, then those of the configured
 * country under {@code demo/countries/<iso>/}) when {@code imis.demo.enabled} is set. Entries are PUTs with fixed ids, so loading twice changes nothing.
 */
@Component
@Order(20)
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final ImisProperties properties;
	private final FhirContext fhirContext;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public DemoDataLoader(ImisProperties properties, FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.properties = properties;
		this.fhirContext = fhirContext;
		this.systemDao = systemDao;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (properties.getDemo().isEnabled()) {
			load();
		}
	}

	public void load() throws IOException {
		long started = System.currentTimeMillis();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Resource[] scheme = resolver.getResources("classpath*:demo/*.json");
		Arrays.sort(scheme, Comparator.comparing(Resource::getFilename));
		Resource[] country = new Resource[0];
		String iso = properties.getCountry() == null ? "" : properties.getCountry().trim().toLowerCase(java.util.Locale.ROOT);
		if (!iso.isEmpty()) {
			// the country's demo (its programmes' products, facilities and families) after the scheme it builds on
			country = resolver.getResources("classpath*:demo/countries/" + iso + "/*.json");
			Arrays.sort(country, Comparator.comparing(Resource::getFilename));
		}
		Resource[] files = java.util.stream.Stream.concat(Arrays.stream(scheme), Arrays.stream(country)).toArray(Resource[]::new);
		int entries = 0;
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				systemDao.transaction(new SystemRequestDetails(), bundle);
				entries += bundle.getEntry().size();
			}
		}
		log.info("Demo scheme loaded: {} files, {} resources in {} ms", files.length, entries, System.currentTimeMillis() - started);
	}
}
