package org.imisfhir.programme.mpi.rules;

/** FHIR's match-grade (http://terminology.hl7.org/CodeSystem/match-grade) of a $match candidate. */
public enum MatchGrade {
	CERTAIN("certain"),
	PROBABLE("probable"),
	POSSIBLE("possible"),
	CERTAINLY_NOT("certainly-not");

	public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/match-grade";
	public static final String EXTENSION = "http://hl7.org/fhir/StructureDefinition/match-grade";

	private final String code;

	MatchGrade(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
