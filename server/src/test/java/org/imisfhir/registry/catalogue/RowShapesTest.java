package org.imisfhir.registry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Medication;
import org.junit.jupiter.api.Test;

class RowShapesTest {

	private final RowShapes shapes = new RowShapes(FhirContext.forR4Cached(), false);

	private static ActivityDefinition service(String code, String name, String category, String careType, Integer frequency,
			String price, String validFrom, String validTo) {
		return CatalogueResources.service(new CatalogueResources.ServiceFields(code, name, "C", category, "S", careType,
				frequency, 15, new BigDecimal(price), "XAF", "S", validFrom, validTo));
	}

	@Test
	void rowsDifferingOnlyInCodeNameAmountAndDatesHaveOneShape() {
		ActivityDefinition consultation = service("A1", "Consultation", "O", "O", null, "1000", "2026-01-01", null);
		ActivityDefinition dressing = service("B22", "Pansement, grand", "O", "O", null, "1500.50", "2025-07-15", null);
		dressing.setId("svc-B22");

		assertThat(shapes.shape(dressing)).isEqualTo(shapes.shape(consultation));
	}

	@Test
	void codedValuesPresentElementsAndTheSignOfAmountsMakeTheShape() {
		String base = shapes.shape(service("A1", "X", "O", "O", null, "1000", "2026-01-01", null));

		assertThat(shapes.shape(service("A1", "X", "S", "O", null, "1000", "2026-01-01", null))).as("category").isNotEqualTo(base);
		assertThat(shapes.shape(service("A1", "X", "O", "I", null, "1000", "2026-01-01", null))).as("care type").isNotEqualTo(base);
		assertThat(shapes.shape(service("A1", "X", "O", "O", 30, "1000", "2026-01-01", null))).as("frequency").isNotEqualTo(base);
		assertThat(shapes.shape(service("A1", "X", "O", "O", null, "0", "2026-01-01", null))).as("zero price").isNotEqualTo(base);
		assertThat(shapes.shape(service("A1", "X", "O", "O", null, "1000", "2026-01-01", "2026-06-30"))).as("ended")
				.isNotEqualTo(base);
		Medication item = CatalogueResources.item(new CatalogueResources.ItemFields("0001", "X", "D", null,
				new BigDecimal("1000"), "XAF", "O", null, 15, "2026-01-01"));
		assertThat(shapes.shape(item)).as("another type").isNotEqualTo(base);
	}

	@Test
	void onlyARowOfAShapeThatPassedIsWrittenTrusted() {
		ActivityDefinition first = service("A1", "Consultation", "O", "O", null, "1000", "2026-01-01", null);
		ActivityDefinition second = service("A2", "Injection", "O", "O", null, "200", "2026-01-01", null);
		ActivityDefinition other = service("A3", "Hospitalisation", "O", "I", 30, "12000", "2026-01-01", null);

		assertThat(shapes.requestFor(shapes.shapeOf(first)).getUserData()).as("first of its shape: validated").isEmpty();
		shapes.passed(shapes.shapeOf(first));

		assertThat(shapes.requestFor(shapes.shapeOf(second)).getUserData()).as("same shape: trusted").isNotEmpty();
		assertThat(shapes.requestFor(shapes.shapeOf(other)).getUserData()).as("new shape: validated").isEmpty();
		assertThat(shapes.passedCount()).isEqualTo(1);
	}

	@Test
	void everyRowIsValidatedWhenConfiguredSo() {
		RowShapes everyRow = new RowShapes(FhirContext.forR4Cached(), true);
		ActivityDefinition first = service("A1", "Consultation", "O", "O", null, "1000", "2026-01-01", null);
		everyRow.passed(everyRow.shapeOf(first));

		assertThat(everyRow.shapeOf(first)).isNull();
		assertThat(everyRow.requestFor(everyRow.shapeOf(service("A2", "Injection", "O", "O", null, "200", "2026-01-01", null))))
				.isInstanceOf(SystemRequestDetails.class);
		assertThat(everyRow.requestFor(everyRow.shapeOf(first)).getUserData()).isEmpty();
		assertThat(everyRow.passedCount()).isZero();
	}
}
