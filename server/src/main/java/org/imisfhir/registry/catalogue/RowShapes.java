package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.conformance.TrustedServerWrite;

/**
 * The shapes of the resources one catalogue import built from its CSV rows, and which of them passed the profile
 * validation (decision 0034). Two rows have the same shape when their resources differ only in free values
 * (texts, codes of the row, amounts of the same sign, dates): every coded value, every element present and
 * every extension is part of the shape. The first resource of a shape is validated as any write; the others of
 * that shape are written without validating the profiles again, since the row checks already refused the values
 * a profile could refuse (empty texts, bad codes, negative prices, impossible dates).
 */
final class RowShapes {

	private final FhirContext fhirContext;
	private final boolean validateEveryRow;
	private final Set<String> validated = ConcurrentHashMap.newKeySet();

	RowShapes(FhirContext fhirContext, boolean validateEveryRow) {
		this.fhirContext = fhirContext;
		this.validateEveryRow = validateEveryRow;
	}

	/** The shape of the resource, or null when every row is validated. */
	String shapeOf(DomainResource resource) {
		return validateEveryRow ? null : shape(resource);
	}

	/** The request to write a resource of the shape with: trusted when a resource of that shape already passed. */
	RequestDetails requestFor(String shape) {
		return shape != null && validated.contains(shape) ? TrustedServerWrite.request() : new SystemRequestDetails();
	}

	/** Records that a resource of the shape passed the profile validation (its write was accepted). */
	void passed(String shape) {
		if (shape != null) {
			validated.add(shape);
		}
	}

	/** Shapes that passed so far. */
	int passedCount() {
		return validated.size();
	}

	/** The resource with its free values replaced by placeholders, as JSON. */
	String shape(DomainResource resource) {
		DomainResource copy = resource.copy();
		copy.setId((String) null);
		copy.setMeta(null);
		copy.setText(null);
		FhirTerser terser = fhirContext.newTerser();
		for (PrimitiveType<?> value : terser.getAllPopulatedChildElementsOfType(copy, PrimitiveType.class)) {
			placeholder(value);
		}
		return fhirContext.newJsonParser().encodeResourceToString(copy);
	}

	private static void placeholder(PrimitiveType<?> value) {
		// Codes (CodeType), URIs and code systems, booleans and integers are kept: they are what a binding, a
		// fixed value or a slice looks at. Texts and identifiers' values, amounts and dates are free.
		if (value.getClass() == StringType.class || value instanceof MarkdownType) {
			((StringType) value).setValue("x");
		} else if (value instanceof DecimalType amount) {
			amount.setValue(BigDecimal.valueOf(amount.getValue().signum()));
		} else if (value instanceof BaseDateTimeType date) {
			date.setValue(new java.util.Date(0), date.getPrecision());
		}
	}
}
