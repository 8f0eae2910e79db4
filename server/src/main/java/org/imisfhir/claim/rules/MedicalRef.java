package org.imisfhir.claim.rules;

import java.util.Objects;

/** Identifies a medical item or service of the catalogue by its kind and code. */
public record MedicalRef(MedicalKind kind, String code) {

	public MedicalRef {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(code, "code");
	}

	public static MedicalRef item(String code) {
		return new MedicalRef(MedicalKind.ITEM, code);
	}

	public static MedicalRef service(String code) {
		return new MedicalRef(MedicalKind.SERVICE, code);
	}

	public boolean isService() {
		return kind == MedicalKind.SERVICE;
	}
}
