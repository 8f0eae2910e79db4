package org.imisfhir.claim.rules;

/** Why a claim or a claim line was rejected, with the numeric openIMIS codes. */
public enum RejectionReason {
	AI_EVALUATION(-2),
	MEDICAL_OFFICER(-1),
	ACCEPTED(0),
	INVALID_ITEM_OR_SERVICE(1),
	NOT_IN_PRICE_LIST(2),
	NO_PRODUCT_FOUND(3),
	PATIENT_CATEGORY(4),
	FREQUENCY(5),
	DUPLICATED(6),
	FAMILY(7),
	DIAGNOSIS_NOT_IN_LIST(8),
	TARGET_DATE(9),
	CARE_TYPE(10),
	MAX_HOSPITAL_ADMISSIONS(11),
	MAX_VISITS(12),
	MAX_CONSULTATIONS(13),
	MAX_SURGERIES(14),
	MAX_DELIVERIES(15),
	QUANTITY_OVER_LIMIT(16),
	WAITING_PERIOD(17),
	MAX_ANTENATAL(19),
	INVALID_CLAIM(20),
	NO_COVERAGE(21);

	private final int code;

	RejectionReason(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	public static RejectionReason ofCode(int code) {
		for (RejectionReason reason : values()) {
			if (reason.code == code) {
				return reason;
			}
		}
		throw new IllegalArgumentException("unknown rejection code " + code);
	}
}
