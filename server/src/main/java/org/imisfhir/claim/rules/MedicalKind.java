package org.imisfhir.claim.rules;

/** Whether a claim line is a medical item or a medical service. */
public enum MedicalKind {
	ITEM,
	SERVICE
}
