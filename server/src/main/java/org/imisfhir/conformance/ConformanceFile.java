package org.imisfhir.conformance;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** One conformance resource read from the packaged profiles/ or terminology/ folders. */
record ConformanceFile(String path, Resource resource) {

	/** Installation order: code systems before the value sets that use them, and both before profiles. */
	private static final List<String> ORDER = List.of(
			"CodeSystem", "ValueSet", "ConceptMap", "StructureDefinition", "SearchParameter", "OperationDefinition");

	int rank() {
		int index = ORDER.indexOf(resource.fhirType());
		return index < 0 ? ORDER.size() : index;
	}
}
