package org.imisfhir.programme;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.programme.rules.VoucherStatus;

import java.util.Date;
import java.util.Optional;

/** Builds and reads health vouchers in the shape of the imis-voucher profile (Basic). */
public final class Vouchers {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-voucher";
	public static final String NUMBER_SYSTEM = "https://imis-fhir.org/fhir/sid/voucher-number";
	public static final String DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/voucher-details";
	public static final String STATUS_CHANGE = "https://imis-fhir.org/fhir/StructureDefinition/voucher-status-change";
	public static final String KIND_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/basic-resource-type";

	private Vouchers() {}

	public static Basic voucher(String number, VoucherStatus status, String programme, String importId) {
		Basic voucher = new Basic();
		voucher.getMeta().addProfile(PROFILE);
		voucher.addIdentifier().setSystem(NUMBER_SYSTEM).setValue(number);
		voucher.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, "voucher", "Health voucher")));
		Extension details = voucher.addExtension().setUrl(DETAILS);
		details.addExtension("status", new CodeType(status.code()));
		details.addExtension("programme", new StringType(programme));
		if (importId != null) {
			details.addExtension("importId", new StringType(importId));
		}
		recordChange(voucher, status, null, "import " + (importId == null ? "" : importId).trim());
		return voucher;
	}

	public static boolean isVoucher(Basic basic) {
		return basic.getExtensionByUrl(DETAILS) != null;
	}

	public static Optional<String> number(Basic voucher) {
		return voucher.getIdentifier().stream().filter(i -> NUMBER_SYSTEM.equals(i.getSystem())).map(i -> i.getValue()).findFirst();
	}

	public static VoucherStatus status(Basic voucher) {
		Extension details = voucher.getExtensionByUrl(DETAILS);
		return VoucherStatus.parse(details.getExtensionByUrl("status").getValue().primitiveValue()).orElse(VoucherStatus.NEW);
	}

	/** Whether the voucher is used, or its history shows it was used at some time. */
	public static boolean everUsed(Basic voucher) {
		return status(voucher) == VoucherStatus.USED || voucher.getExtensionsByUrl(STATUS_CHANGE).stream()
				.map(change -> change.getExtensionByUrl("status"))
				.anyMatch(s -> s != null && VoucherStatus.parse(s.getValue().primitiveValue()).orElse(null) == VoucherStatus.USED);
	}

	/** Sets the status and appends the change (status, when, by whom, why) to the voucher's history. */
	public static void changeStatus(Basic voucher, VoucherStatus status, String by, String reason) {
		Extension details = voucher.getExtensionByUrl(DETAILS);
		details.getExtension().removeIf(e -> "status".equals(e.getUrl()));
		details.getExtension().add(0, new Extension("status", new CodeType(status.code())));
		recordChange(voucher, status, by, reason);
	}

	private static void recordChange(Basic voucher, VoucherStatus status, String by, String reason) {
		Extension change = voucher.addExtension().setUrl(STATUS_CHANGE);
		change.addExtension("status", new CodeType(status.code()));
		change.addExtension("at", new DateTimeType(new Date()));
		if (by != null && !by.isBlank()) {
			change.addExtension("by", new StringType(by));
		}
		if (reason != null && !reason.isBlank()) {
			change.addExtension("reason", new StringType(reason));
		}
	}
}
