package org.imisfhir.conformance.pkg;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The conformance package built with the server (classpath {@value #CLASSPATH_LOCATION}): its bytes, offered for
 * download, and its ImplementationGuide resource. Absent when the classes were not built by Maven.
 */
@Component
public class ConformancePackage {

	static final String CLASSPATH_LOCATION = "fhir/package/package.tgz";
	/** Where the package is downloaded, relative to the server root. */
	public static final String DOWNLOAD_PATH = "/fhir-package/" + ConformancePackageBuilder.PACKAGE_ID + ".tgz";

	private final FhirContext fhirContext;
	private volatile byte[] bytes;

	public ConformancePackage(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	public Optional<byte[]> bytes() {
		if (bytes == null) {
			ClassPathResource resource = new ClassPathResource(CLASSPATH_LOCATION);
			if (!resource.exists()) {
				return Optional.empty();
			}
			try (InputStream in = resource.getInputStream()) {
				bytes = in.readAllBytes();
			} catch (IOException e) {
				throw new IllegalStateException("Cannot read the conformance package " + CLASSPATH_LOCATION, e);
			}
		}
		return Optional.of(bytes);
	}

	/** The package's ImplementationGuide, as built. */
	public Optional<ImplementationGuide> implementationGuide() {
		Optional<byte[]> content = bytes();
		if (content.isEmpty()) {
			return Optional.empty();
		}
		try {
			NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(content.get()));
			try (InputStream in = npm.load("package", "ImplementationGuide-" + ConformancePackageBuilder.IG_ID + ".json")) {
				return Optional.of(fhirContext.newJsonParser().parseResource(ImplementationGuide.class, in));
			}
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read the conformance package " + CLASSPATH_LOCATION, e);
		}
	}
}
