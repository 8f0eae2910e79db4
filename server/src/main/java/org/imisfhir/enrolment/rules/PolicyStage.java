package org.imisfhir.enrolment.rules;

/** Whether a policy is a family's first one on a product (N) or renews an earlier one (R). */
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
