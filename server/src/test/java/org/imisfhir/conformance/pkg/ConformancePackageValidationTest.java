package org.imisfhir.conformance.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance package the build writes ({@code fhir/package/package.tgz} in the classes) loads into HAPI's
 * NPM package validation support, and with it alone (plus the FHIR core definitions) a validator checks our
 * profiles: a demo location passes the location profile, the same location without its level fails.
 */
class ConformancePackageValidationTest {

	private static final String PACKAGE = "classpath:" + ConformancePackage.CLASSPATH_LOCATION;
	private static final String LOCATION_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-location";

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static FhirValidator validator;

	@BeforeAll
	static void loadPackage() throws Exception {
		NpmPackageValidationSupport npm = new NpmPackageValidationSupport(CONTEXT);
		npm.loadPackageFromClasspath(PACKAGE);
		ValidationSupportChain chain = new ValidationSupportChain(
				npm,
				new DefaultProfileValidationSupport(CONTEXT),
				new CommonCodeSystemsTerminologyService(CONTEXT),
				new InMemoryTerminologyServerValidationSupport(CONTEXT),
				new SnapshotGeneratingValidationSupport(CONTEXT));
		validator = CONTEXT.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
	}

	@Test
	void packageHasTheNpmLayoutAndTheGuide() throws Exception {
		try (InputStream in = ConformancePackageValidationTest.class.getResourceAsStream("/" + ConformancePackage.CLASSPATH_LOCATION)) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			assertThat(npm.name()).isEqualTo("imis-fhir.r4");
			assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
			assertThat(npm.dependencies()).contains("hl7.fhir.r4.core#4.0.1");
			List<String> files = npm.list("package");
			assertThat(tarEntries()).contains("package/package.json", "package/.index.json");
			assertThat(files).contains("ImplementationGuide-imis-fhir.json",
					"StructureDefinition-imis-location.json", "OperationDefinition-Claim-submit.json",
					"SearchParameter-location-code.json", "CodeSystem-claim-status.json", "ValueSet-location-type.json",
					"StructureDefinition-patient-is-head.json");
			assertThat(files).noneMatch(f -> f.contains("countries"));
			try (InputStream guideIn = npm.load("package", "ImplementationGuide-imis-fhir.json")) {
				ImplementationGuide guide = CONTEXT.newJsonParser().parseResource(ImplementationGuide.class, guideIn);
				assertThat(guide.getPackageId()).isEqualTo("imis-fhir.r4");
				// every resource file but the guide itself is listed in the guide
				long resourceFiles = files.stream().filter(f -> f.endsWith(".json") && !f.equals("package.json")
						&& !f.equals(".index.json") && !f.startsWith("ImplementationGuide-")).count();
				assertThat(guide.getDefinition().getResource()).hasSize((int) resourceFiles);
				assertThat(guide.getDefinition().getResource())
						.anyMatch(r -> r.getReference().getReference().equals("StructureDefinition/imis-location"));
			}
		}
	}

	@Test
	void demoLocationIsValidAgainstTheLocationProfileOfThePackage() throws Exception {
		Location region = demoRegion();
		region.getMeta().addProfile(LOCATION_PROFILE);

		ValidationResult result = validator.validateWithResult(region);

		assertThat(errors(result)).isEmpty();
	}

	@Test
	void locationWithoutItsLevelFailsTheLocationProfileOfThePackage() throws Exception {
		Location region = demoRegion();
		region.getMeta().addProfile(LOCATION_PROFILE);
		region.setType(null);   // the profile requires the openIMIS level (location-type) in Location.type, 1..1

		ValidationResult result = validator.validateWithResult(region);

		assertThat(errors(result)).anyMatch(m -> m.getLocationString().startsWith("Location")
				&& m.getMessage().contains("Location.type"));
	}

	private static List<String> tarEntries() throws Exception {
		List<String> names = new java.util.ArrayList<>();
		try (InputStream in = ConformancePackageValidationTest.class.getResourceAsStream("/" + ConformancePackage.CLASSPATH_LOCATION);
				var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
						new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(in))) {
			for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	private static List<SingleValidationMessage> errors(ValidationResult result) {
		return result.getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.toList();
	}

	/** Region R1 of the demo scheme, as the server loads it. */
	private static Location demoRegion() throws Exception {
		try (InputStream in = ConformancePackageValidationTest.class.getResourceAsStream("/demo/01-locations.json")) {
			Bundle bundle = CONTEXT.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(Location.class::isInstance).map(Location.class::cast)
					.filter(l -> l.getIdElement().getIdPart().equals("loc-r1")).findFirst().orElseThrow();
		}
	}
}
