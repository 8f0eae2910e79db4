package org.imisfhir.conformance.pkg;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.ImplementationGuide.ImplementationGuideDefinitionResourceComponent;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackageIndexBuilder;

/**
 * Builds our conformance resources (profiles, extensions, OperationDefinitions, SearchParameters, CodeSystems and
 * ValueSets of every installation, not the country folders) into a FHIR NPM package: {@code package/package.json},
 * {@code package/.index.json} (HL7's index builder), one {@code package/<Type>-<id>.json} per resource and the
 * ImplementationGuide that lists them. Run by the Maven build ({@code process-classes}); the result is packaged in
 * the server jar (served at {@link ConformancePackage#DOWNLOAD_PATH}) and attached as a build artifact.
 */
public final class ConformancePackageBuilder {

	public static final String PACKAGE_ID = "imis-fhir.r4";
	public static final String IG_ID = "imis-fhir";
	public static final String CANONICAL = "https://imis-fhir.org/fhir";
	public static final String IG_URL = CANONICAL + "/ImplementationGuide/" + IG_ID;
	public static final String FHIR_VERSION = "4.0.1";
	static final String CORE_PACKAGE = "hl7.fhir.r4.core";

	private final FhirContext fhirContext;
	private final String version;

	public ConformancePackageBuilder(FhirContext fhirContext, String version) {
		this.fhirContext = fhirContext;
		this.version = version;
	}

	/** Arguments: output .tgz file, package version, then the source folders (profiles/, terminology/). */
	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			throw new IllegalArgumentException("usage: <output.tgz> <version> <source folder>...");
		}
		List<Path> roots = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			roots.add(Path.of(args[i]));
		}
		Path output = Path.of(args[0]);
		Files.createDirectories(output.toAbsolutePath().getParent());
		try (OutputStream out = Files.newOutputStream(output)) {
			int count = new ConformancePackageBuilder(FhirContext.forR4Cached(), args[1]).build(roots, out);
			System.out.println("FHIR package " + PACKAGE_ID + "#" + args[1] + ": " + count + " resources written to " + output);
		}
	}

	/** Writes the package of the resources found under the roots; returns how many resources it holds. */
	public int build(List<Path> roots, OutputStream out) throws IOException {
		IParser parser = fhirContext.newJsonParser();
		Map<String, Resource> resources = new TreeMap<>();
		for (Path root : roots) {
			for (Path file : conformanceFiles(root)) {
				Resource resource = (Resource) parser.parseResource(Files.readString(file, StandardCharsets.UTF_8));
				String name = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
				if (resources.put(name, resource) != null) {
					throw new IllegalStateException("Two conformance files define " + name);
				}
			}
		}
		ImplementationGuide guide = implementationGuide(resources.values());
		resources.put("ImplementationGuide-" + IG_ID + ".json", guide);

		Map<String, byte[]> files = new TreeMap<>();
		IParser writer = fhirContext.newJsonParser().setPrettyPrint(true);
		resources.forEach((name, resource) -> files.put(name, writer.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8)));
		files.put(".index.json", index(files).getBytes(StandardCharsets.UTF_8));
		files.put("package.json", packageJson().getBytes(StandardCharsets.UTF_8));
		writeTgz(files, out);
		return resources.size();
	}

	/** The JSON files of a source folder, without the country packages. */
	static List<Path> conformanceFiles(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
					.filter(p -> p.getFileName().toString().endsWith(".json"))
					.filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith("countries/"))
					.sorted()
					.toList();
		}
	}

	ImplementationGuide implementationGuide(Iterable<Resource> resources) {
		ImplementationGuide guide = new ImplementationGuide();
		guide.setId(IG_ID);
		guide.setUrl(IG_URL);
		guide.setVersion(version);
		guide.setName("IMISFHIR");
		guide.setTitle("IMIS-FHIR conformance package");
		guide.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		guide.setPublisher("IMIS-FHIR");
		guide.setDescription("Profiles, extensions, operations, search parameters and terminology of the IMIS-FHIR "
				+ "health-insurance server, including the openIMIS R4 IG's extensions and code systems it reuses.");
		guide.setPackageId(PACKAGE_ID);
		guide.addFhirVersion(FHIRVersion._4_0_1);
		guide.addDependsOn().setUri("http://hl7.org/fhir/ImplementationGuide/hl7.fhir.r4.core")
				.setPackageId(CORE_PACKAGE).setVersion(FHIR_VERSION);
		for (Resource resource : resources) {
			ImplementationGuideDefinitionResourceComponent entry = guide.getDefinition().addResource();
			entry.setReference(new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
			if (resource instanceof MetadataResource metadata) {
				entry.setName(metadata.hasTitle() ? metadata.getTitle() : metadata.getName());
			}
			entry.setExample(new org.hl7.fhir.r4.model.BooleanType(false));
		}
		return guide;
	}

	private String index(Map<String, byte[]> files) throws IOException {
		NpmPackageIndexBuilder index = new NpmPackageIndexBuilder();
		index.start(Files.createTempDirectory("imis-fhir-package").toString());
		files.forEach(index::seeFile);
		return index.build();
	}

	String packageJson() {
		return "{\n"
				+ "  \"name\": \"" + PACKAGE_ID + "\",\n"
				+ "  \"version\": \"" + version + "\",\n"
				+ "  \"type\": \"IG\",\n"
				+ "  \"title\": \"IMIS-FHIR conformance package\",\n"
				+ "  \"description\": \"Profiles, extensions, operations, search parameters and terminology of IMIS-FHIR\",\n"
				+ "  \"canonical\": \"" + CANONICAL + "\",\n"
				+ "  \"url\": \"" + IG_URL + "\",\n"
				+ "  \"fhirVersions\": [\"" + FHIR_VERSION + "\"],\n"
				+ "  \"dependencies\": { \"" + CORE_PACKAGE + "\": \"" + FHIR_VERSION + "\" },\n"
				+ "  \"author\": \"IMIS-FHIR\",\n"
				+ "  \"directories\": { \"lib\": \"package\" }\n"
				+ "}\n";
	}

	private static void writeTgz(Map<String, byte[]> files, OutputStream out) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(buffer))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			// package.json first, as npm writes it
			List<String> names = new ArrayList<>(files.keySet());
			names.remove("package.json");
			names.add(0, "package.json");
			for (String name : names) {
				byte[] content = files.get(name);
				TarArchiveEntry entry = new TarArchiveEntry("package/" + name);
				entry.setSize(content.length);
				entry.setModTime(0);
				tar.putArchiveEntry(entry);
				tar.write(content);
				tar.closeArchiveEntry();
			}
		}
		out.write(buffer.toByteArray());
	}
}
