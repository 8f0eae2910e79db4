package org.imisfhir.claim.rules;

/** Stage of a policy: new or renewal (openIMIS N/R). */
public enum PolicyStage {
	NEW("N"),
	RENEWAL("R");

	private final String code;

	PolicyStage(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}
}
