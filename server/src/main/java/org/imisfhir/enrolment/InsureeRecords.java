package org.imisfhir.enrolment;

import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** Reading the openIMIS facts of an insuree from its Patient resource. */
public final class InsureeRecords {

	private InsureeRecords() {}

	public static Optional<String> insuranceNumber(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.findFirst();
	}

	/** The temporary number an insuree enrolled offline carries (current or kept as old). */
	public static Optional<String> temporaryNumber(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> EnrolmentProfiles.TEMPORARY_NUMBER_SYSTEM.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.findFirst();
	}

	public static boolean isHead(Patient patient) {
		Extension head = patient.getExtensionByUrl(EnrolmentProfiles.IS_HEAD);
		return head != null && head.getValue() instanceof BooleanType flag && flag.booleanValue();
	}

	/** The status code (AC, IN, DE) when set. */
	public static Optional<String> status(Patient patient) {
		Extension status = patient.getExtensionByUrl(EnrolmentProfiles.INSUREE_STATUS);
		if (status == null || status.getExtensionByUrl("status") == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(status.getExtensionByUrl("status").getValue()).map(v -> v.primitiveValue());
	}

	/** The date of the status, when set. */
	public static Optional<java.time.LocalDate> statusDate(Patient patient) {
		Extension status = patient.getExtensionByUrl(EnrolmentProfiles.INSUREE_STATUS);
		Extension date = status == null ? null : status.getExtensionByUrl("date");
		return date == null || date.getValue() == null ? Optional.empty()
				: Optional.of(java.time.LocalDate.parse(date.getValue().primitiveValue().substring(0, 10)));
	}

	/** The reason of the status, when set. */
	public static Optional<String> statusReason(Patient patient) {
		Extension status = patient.getExtensionByUrl(EnrolmentProfiles.INSUREE_STATUS);
		Extension reason = status == null ? null : status.getExtensionByUrl("reason");
		return reason == null || reason.getValue() == null ? Optional.empty() : Optional.of(reason.getValue().primitiveValue());
	}

	public static boolean hasStatusReason(Patient patient) {
		Extension status = patient.getExtensionByUrl(EnrolmentProfiles.INSUREE_STATUS);
		Extension reason = status == null ? null : status.getExtensionByUrl("reason");
		return reason != null && reason.getValue() != null && !reason.getValue().primitiveValue().isBlank();
	}
}
