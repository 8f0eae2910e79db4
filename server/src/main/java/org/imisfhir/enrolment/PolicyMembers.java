package org.imisfhir.enrolment;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.rules.MemberCover;

/**
 * Per-member cover on a family policy (openIMIS InsureePolicy): a repeating {@code policy-member} extension on the
 * Coverage, one per member whose cover differs from the policy's (joined later, or ended early). A member without
 * one is covered exactly as the policy.
 */
public final class PolicyMembers {

	public static final String MEMBER = "https://imis-fhir.org/fhir/StructureDefinition/policy-member";

	private PolicyMembers() {}

	/** The member's own row on the policy, when there is one. */
	public static Optional<Extension> row(Coverage policy, String patientId) {
		return policy.getExtensionsByUrl(MEMBER).stream()
				.filter(row -> row.getExtensionByUrl("insuree") != null
						&& row.getExtensionByUrl("insuree").getValue() instanceof Reference reference
						&& patientId.equals(reference.getReferenceElement().getIdPart()))
				.findFirst();
	}

	public static LocalDate effective(Coverage policy, String patientId) {
		return row(policy, patientId).map(row -> date(row, "effectiveDate")).orElse(null);
	}

	public static LocalDate expiry(Coverage policy, String patientId) {
		return row(policy, patientId).map(row -> date(row, "expiryDate")).orElse(null);
	}

	/** Sets one of the member's own dates (creating their row when needed), with the reason. */
	public static void set(Coverage policy, String patientId, String part, LocalDate date, String reason) {
		Extension row = row(policy, patientId).orElseGet(() -> {
			Extension created = policy.addExtension().setUrl(MEMBER);
			created.addExtension("insuree", new Reference("Patient/" + patientId));
			return created;
		});
		row.getExtension().removeIf(e -> part.equals(e.getUrl()) || "reason".equals(e.getUrl()));
		row.addExtension(part, new DateType(date.toString()));
		if (reason != null && !reason.isBlank()) {
			row.addExtension("reason", new StringType(reason));
		}
	}

	/**
	 * The insuree's own cover under the policy, given the policy's effective and expiry dates: their row's dates,
	 * and an inactive or dead status ending it at the status date whatever the path that set the status.
	 */
	public static MemberCover.Period cover(Coverage policy, Patient insuree, LocalDate policyEffective, LocalDate policyExpiry) {
		String id = insuree.getIdElement().getIdPart();
		return MemberCover.of(policyEffective, policyExpiry, effective(policy, id), expiry(policy, id),
				InsureeRecords.status(insuree).orElse("AC"), InsureeRecords.statusDate(insuree).orElse(null));
	}

	private static LocalDate date(Extension row, String part) {
		Extension value = row.getExtensionByUrl(part);
		return value == null || value.getValue() == null ? null : LocalDate.parse(value.getValue().primitiveValue().substring(0, 10));
	}
}
