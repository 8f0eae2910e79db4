package org.imisfhir.claim.rules;

/**
 * An out-patient facility may not claim in-patient stays or in-patient items and services; an
 * in-patient facility may not claim out-patient ones.
 */
public final class CareTypeRule {

	public boolean allows(Facility facility, CatalogueEntry entry, Claim claim) {
		return switch (facility.careType()) {
			case OUT_PATIENT -> !claim.isInPatient() && entry.careType() != CareType.IN_PATIENT;
			case IN_PATIENT -> entry.careType() != CareType.OUT_PATIENT;
			case BOTH -> true;
		};
	}
}
