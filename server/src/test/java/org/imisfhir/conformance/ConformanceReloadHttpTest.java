package org.imisfhir.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up installation run again, as after a restart, against the same database. */
class ConformanceReloadHttpTest extends HttpTestBase {

	@Autowired
	ConformanceLoader loader;

	@Test
	void aSecondInstallationChangesNothing() throws Exception {
		List<ConformanceFile> files = loader.readPackagedFiles();

		ConformanceLoader.InstallReport report = loader.install(files);

		assertThat(files).hasSizeGreaterThan(100);
		assertThat(report.created()).isZero();
		assertThat(report.updated()).isZero();
		assertThat(report.unchanged()).isEqualTo(files.size());
		Bundle codeSystems = client.search().forResource(CodeSystem.class)
				.where(CodeSystem.URL.matches().value(Fixtures.REJECTION_REASONS))
				.returnBundle(Bundle.class)
				.execute();
		assertThat(codeSystems.getEntry()).hasSize(1);
		assertThat(codeSystems.getEntryFirstRep().getResource().getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void aChangedFileUpdatesTheStoredResource() {
		CodeSystem changed = new CodeSystem();
		changed.setId("test-reload-" + unique("x").toLowerCase());
		changed.setUrl("https://imis-fhir.org/fhir/CodeSystem/" + changed.getIdElement().getIdPart());
		changed.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		changed.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
		changed.addConcept().setCode("a").setDisplay("A");
		loader.install(List.of(new ConformanceFile("test/first.json", changed)));

		CodeSystem second = changed.copy();
		second.addConcept().setCode("b").setDisplay("B");
		ConformanceLoader.InstallReport report = loader.install(List.of(new ConformanceFile("test/second.json", second)));

		CodeSystem stored = client.read().resource(CodeSystem.class).withId(changed.getIdElement().getIdPart()).execute();
		assertThat(report.updated()).isEqualTo(1);
		assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
		assertThat(stored.getConcept()).hasSize(2);
	}
}
