package org.imisfhir.claim.rules;

import java.util.List;
import java.util.Optional;

/** The medical items and services a claim may refer to. */
public record Catalogue(List<CatalogueEntry> entries) {

	public Catalogue {
		entries = List.copyOf(entries);
	}

	public Optional<CatalogueEntry> find(MedicalRef ref) {
		return entries.stream().filter(entry -> entry.ref().equals(ref)).findFirst();
	}
}
