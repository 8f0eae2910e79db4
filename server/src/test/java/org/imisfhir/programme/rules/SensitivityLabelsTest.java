package org.imisfhir.programme.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.imisfhir.programme.rules.SensitivityLabels.ChangeRefusal;
import org.imisfhir.programme.rules.SensitivityLabels.Label;
import org.imisfhir.programme.rules.SensitivityLabels.SensitiveProgramme;
import org.junit.jupiter.api.Test;

class SensitivityLabelsTest {

	private static final String TARV = "https://imis-fhir.org/fhir/sid/cm/tarv-code";
	private static final String MPI = "https://imis-fhir.org/fhir/sid/national-mpi";
	private static final String INSURANCE_NUMBER = "https://imis-fhir.org/fhir/sid/insurance-number";
	private static final Label HIV = new Label("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HIV");
	private static final Label PSY = new Label("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY");

	/** Cameroon's VIH programme, and a second sensitive programme to show labels stay apart. */
	private final SensitivityLabels cameroon = new SensitivityLabels(List.of(
			new SensitiveProgramme("VIH", HIV, Set.of(TARV, MPI)),
			new SensitiveProgramme("SM", PSY, Set.of("https://example.org/sid/psy-file"))));

	@Test
	void anInsureeIsLabelledByTheSensitiveIdentifiersItHolds() {
		// insurance number only: nothing; TARV code (HIV-positive) or MPI number (HIV-negative): HIV
		assertThat(cameroon.forInsuree(List.of(INSURANCE_NUMBER))).isEmpty();
		assertThat(cameroon.forInsuree(List.of(INSURANCE_NUMBER, TARV))).containsExactly(HIV);
		assertThat(cameroon.forInsuree(List.of(MPI))).containsExactly(HIV);
		// both identifiers of one programme: the label once
		assertThat(cameroon.forInsuree(List.of(TARV, MPI))).containsExactly(HIV);
	}

	@Test
	void policiesAndClaimsAreLabelledByTheirProgramme() {
		assertThat(cameroon.forProgrammes(Set.of("VIH"))).containsExactly(HIV);
		assertThat(cameroon.forProgrammes(Set.of("CCS"))).isEmpty();
		assertThat(cameroon.forProgrammes(Set.of())).isEmpty();
		assertThat(cameroon.managed()).containsExactlyInAnyOrder(HIV, PSY);
		assertThat(cameroon.sensitiveSystems()).contains(TARV, MPI);
		assertThat(new SensitivityLabels(List.of()).any()).isFalse();
	}

	@Test
	void anInsureesLabelChangesOnlyByAManagerGivingAReason() {
		// unchanged: anyone; added or removed: the manager, and only with a reason
		assertThat(SensitivityLabels.change(Set.of(HIV), Set.of(HIV), false, false)).isEmpty();
		assertThat(SensitivityLabels.change(Set.of(), Set.of(HIV), false, true)).contains(ChangeRefusal.NOT_MANAGER);
		assertThat(SensitivityLabels.change(Set.of(HIV), Set.of(), true, false)).contains(ChangeRefusal.NO_REASON);
		assertThat(SensitivityLabels.change(Set.of(), Set.of(HIV), true, true)).isEmpty();
	}

	@Test
	void aLabelledResourceIsShownOnlyWithTheGrant() {
		Set<Label> managed = cameroon.managed();
		Label other = new Label("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "N");
		assertThat(SensitivityLabels.visible(List.of(HIV), managed, false)).isFalse();
		assertThat(SensitivityLabels.visible(List.of(HIV), managed, true)).isTrue();
		// a label that no programme manages hides nothing
		assertThat(SensitivityLabels.visible(List.of(other), managed, false)).isTrue();
		assertThat(SensitivityLabels.visible(List.of(), managed, false)).isTrue();
	}
}
