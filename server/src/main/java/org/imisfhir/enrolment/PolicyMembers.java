package org.imisfhir.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.rules.MemberCover;

/**
 * Per-member cover on a family policy (openIMIS InsureePolicy): a repeating {@code policy-member} extension on the
 * Coverage, one per stretch of a member's cover where it differs from the policy's (joined later, ended early,
 * restored after an inactive time, kept or ended on leaving the family). A member of the family without one is
 * covered exactly as the policy; someone who left the family is covered only as their rows say.
 */
public final class PolicyMembers {

	public static final String MEMBER = "https://imis-fhir.org/fhir/StructureDefinition/policy-member";

	private PolicyMembers() {}

	/** The member's own rows on the policy, in the order stored. */
	public static List<MemberCover.Row> rows(Coverage policy, String patientId) {
		List<MemberCover.Row> rows = new ArrayList<>();
		for (Extension row : policy.getExtensionsByUrl(MEMBER)) {
			if (isFor(row, patientId)) {
				Extension reason = row.getExtensionByUrl("reason");
				rows.add(new MemberCover.Row(date(row, "effectiveDate"), date(row, "expiryDate"),
						reason == null || reason.getValue() == null ? null : reason.getValue().primitiveValue()));
			}
		}
		return rows;
	}

	/**
	 * Replaces the member's rows on the policy. {@code reference} names the insuree in new rows (a {@code urn:uuid}
	 * in a transaction creating them, else {@code Patient/<id>}). Returns whether anything changed.
	 */
	public static boolean replaceRows(Coverage policy, String patientId, String reference, List<MemberCover.Row> rows) {
		if (rows.equals(rows(policy, patientId))) {
			return false;
		}
		policy.getExtension().removeIf(e -> MEMBER.equals(e.getUrl()) && isFor(e, patientId));
		for (MemberCover.Row row : rows) {
			Extension stored = policy.addExtension().setUrl(MEMBER);
			stored.addExtension("insuree", new Reference(reference));
			if (row.effective() != null) {
				stored.addExtension("effectiveDate", new DateType(row.effective().toString()));
			}
			if (row.expiry() != null) {
				stored.addExtension("expiryDate", new DateType(row.expiry().toString()));
			}
			if (row.reason() != null && !row.reason().isBlank()) {
				stored.addExtension("reason", new StringType(row.reason()));
			}
		}
		return true;
	}

	/**
	 * The insuree's own cover under the policy, given the policy's effective and expiry dates: their rows, and an
	 * inactive or dead status ending it at the status date whatever the path that set the status. A member of the
	 * policy's family without rows is covered as the policy; someone who has left it, only as their rows say.
	 */
	public static MemberCover.Cover cover(Coverage policy, Patient insuree, LocalDate policyEffective, LocalDate policyExpiry) {
		String id = insuree.getIdElement().getIdPart();
		List<MemberCover.Row> rows = rows(policy, id);
		String status = InsureeRecords.status(insuree).orElse("AC");
		LocalDate statusDate = InsureeRecords.statusDate(insuree).orElse(null);
		return isFamilyMember(policy, insuree)
				? MemberCover.of(policyEffective, policyExpiry, rows, status, statusDate)
				: MemberCover.ofFormerMember(policyEffective, policyExpiry, rows, status, statusDate);
	}

	/** The family (Group id) a policy belongs to, when recorded. */
	public static String familyId(Coverage policy) {
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		Extension family = details == null ? null : details.getExtensionByUrl("family");
		return family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? reference.getReferenceElement().getIdPart() : null;
	}

	private static boolean isFamilyMember(Coverage policy, Patient insuree) {
		Extension family = insuree.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		String insureeFamily = family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? new IdType(reference.getReference()).getIdPart() : null;
		String policyFamily = familyId(policy);
		// a policy without a recorded family is read as the insuree's own family's (the loader found it there)
		return policyFamily == null || Objects.equals(policyFamily, insureeFamily);
	}

	private static boolean isFor(Extension row, String patientId) {
		Extension insuree = row.getExtensionByUrl("insuree");
		return insuree != null && insuree.getValue() instanceof Reference reference
				&& patientId.equals(reference.getReferenceElement().getIdPart());
	}

	private static LocalDate date(Extension row, String part) {
		Extension value = row.getExtensionByUrl(part);
		return value == null || value.getValue() == null ? null : LocalDate.parse(value.getValue().primitiveValue().substring(0, 10));
	}
}
