package org.imisfhir.migration.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.ContributionRecorder;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.rules.PolicyStatus;

/**
 * Families with their insurees (Group imis-family and Patient imis-insuree, one record), policies (Coverage
 * imis-policy, in the shape {@link PolicyBuilder} gives) and premiums (PaymentNotice imis-contribution), with
 * their historical status, dates and amounts as they are in the export.
 */
public final class EnrolmentRows {

	static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	static final String RECEIPT_SYSTEM = "https://imis-fhir.org/fhir/sid/contribution-receipt";

	private EnrolmentRows() {}

	/** A family and its current insurees; the head (tblFamilies.InsureeID) is the member marked head. */
	public static LegacyRecord family(LegacyRow row, List<LegacyRow> insurees, MappingContext context) {
		String familyId = row.id();
		String headId = row.required("InsureeID");
		LegacyRow headRow = insurees.stream().filter(i -> i.id().equals(headId)).findFirst()
				.orElseThrow(() -> RowRefusal.unknown(row, "InsureeID", LegacyTable.INSUREES));
		String familyReference = "Group/" + context.resourceId(LegacyTable.FAMILIES, familyId);
		List<LegacyRow> members = new ArrayList<>(insurees);
		members.sort(Comparator.comparing((LegacyRow i) -> !i.id().equals(headId)));

		List<LegacyRecord.Part> parts = new ArrayList<>();
		Group family = context.identify(new Group(), row);
		family.getMeta().addProfile(EnrolmentProfiles.FAMILY);
		String code = headRow.required("CHFID");
		Address address = new Address();
		address.addExtension(EnrolmentProfiles.ADDRESS_LOCATION,
				new Reference(context.loaded().required(row, "LocationId", LegacyTable.LOCATIONS).reference()));
		if (row.has("FamilyAddress")) {
			address.addLine(row.text("FamilyAddress"));
		}
		family.addExtension(EnrolmentProfiles.GROUP_ADDRESS, address);
		family.addExtension(IG + "StructureDefinition/group-poverty-status", new BooleanType(row.flag("Poverty", false)));
		if (row.has("FamilyType")) {
			family.addExtension(IG + "StructureDefinition/group-type",
					new CodeableConcept(new Coding(IG + "CodeSystem/group-type", row.text("FamilyType"), null)));
		}
		family.addIdentifier().setSystem(EnrolmentProfiles.FAMILY_CODE_SYSTEM).setValue(code);
		family.addIdentifier(context.legacyIdentifier(row.table(), familyId));
		family.setType(Group.GroupType.PERSON).setActual(true);
		String headReference = null;
		for (LegacyRow member : members) {
			Patient insuree = insuree(member, member == headRow, headRow, familyReference, context);
			String reference = "Patient/" + insuree.getIdElement().getIdPart();
			if (member == headRow) {
				headReference = reference;
			}
			family.addMember().setEntity(new Reference(reference));
			parts.add(new LegacyRecord.Part(LegacyTable.INSUREES, member.id(), insuree, Map.of()));
		}
		family.setQuantity(members.size());
		parts.add(0, new LegacyRecord.Part(row.table(), familyId, family, Map.of("code", code, "head", headReference)));
		return new LegacyRecord(RegistryRows.concat(row, insurees), parts);
	}

	static Patient insuree(LegacyRow row, boolean head, LegacyRow headRow, String familyReference, MappingContext context) {
		Patient patient = context.identify(new Patient(), row);
		patient.getMeta().addProfile(EnrolmentProfiles.INSUREE);
		patient.addExtension(EnrolmentProfiles.IS_HEAD, new BooleanType(head));
		patient.addExtension(EnrolmentProfiles.GROUP_REFERENCE, new Reference(familyReference));
		patient.addIdentifier().setType(RegistryRows.codeType()).setSystem(EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM)
				.setValue(row.required("CHFID"));
		patient.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(row.required("LastName")).addGiven(row.required("OtherNames"));
		if (row.has("Phone")) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(row.text("Phone"));
		}
		if (row.has("Email")) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(row.text("Email"));
		}
		patient.setGender(AdministrativeGender.fromCode(LegacyCodes.translate(LegacyCodes.GENDER, row, "Gender", null)));
		patient.setBirthDateElement(new DateType(row.requiredDate("DOB").toString()));
		if (!head && row.has("Relationship")) {
			String relationship = String.valueOf(row.integer("Relationship", 1, 99, null));
			patient.addContact()
					.addRelationship(new CodeableConcept(new Coding(IG + "CodeSystem/patient-contact-relationship", relationship, null)))
					.setName(new HumanName().setFamily(headRow.required("LastName")).addGiven(headRow.required("OtherNames")));
		}
		return patient;
	}

	/** A policy of a loaded family on a loaded product, with its status, dates and value as in the export. */
	public static LegacyRecord policy(LegacyRow row, MappingContext context) {
		LoadedRecords.Loaded family = context.loaded().required(row, "FamilyID", LegacyTable.FAMILIES);
		LoadedRecords.Loaded product = context.loaded().required(row, "ProdID", LegacyTable.PRODUCTS);
		PolicyStatus status = policyStatus(row);
		Coverage policy = context.identify(new Coverage(), row);
		policy.getMeta().addProfile(PolicyBuilder.POLICY_PROFILE);
		String enrolDate = row.requiredDate("EnrollDate").toString();
		policy.addIdentifier().setSystem(PolicyBuilder.POLICY_KEY_SYSTEM)
				.setValue(family.fact("code") + "|" + product.fact("code") + "|" + enrolDate);
		policy.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		policy.setStatus(Coverage.CoverageStatus.fromCode(
				LegacyCodes.translate(LegacyCodes.POLICY_STATUS, String.valueOf(status.code())).orElseThrow()));
		PolicyBuilder.setOpenImisStatus(policy, status);
		Extension details = policy.addExtension().setUrl(PolicyBuilder.POLICY_DETAILS);
		details.addExtension("family", new Reference(family.reference()));
		details.addExtension("stage", new CodeType(row.oneOf("PolicyStage", java.util.Set.of("N", "R"), "N")));
		details.addExtension("enrolDate", new DateType(enrolDate));
		details.addExtension("value", new Money().setValue(row.amount("PolicyValue")).setCurrency(context.currency()));
		if (row.date("EffectiveDate") != null) {
			details.addExtension("effectiveDate", new DateType(row.date("EffectiveDate").toString()));
		}
		Reference head = new Reference(family.fact("head"));
		policy.setPolicyHolder(head.copy());
		policy.setBeneficiary(head.copy());
		policy.addPayor(head.copy());
		policy.getPeriod().setStartElement(new DateTimeType(row.requiredDate("StartDate").toString()));
		if (row.date("ExpiryDate") != null) {
			policy.getPeriod().setEndElement(new DateTimeType(row.date("ExpiryDate").toString()));
		}
		policy.addClass_()
				.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan")))
				.setValue(product.fact("code"))
				.setName(product.fact("name"));
		return LegacyRecord.single(row, policy, Map.of("product", product.fact("code")));
	}

	private static PolicyStatus policyStatus(LegacyRow row) {
		int code = row.integer("PolicyStatus", 1, 16, 1);
		for (PolicyStatus status : PolicyStatus.values()) {
			if (status.code() == code) {
				return status;
			}
		}
		throw RowRefusal.invalid(row, "PolicyStatus");
	}

	/** A premium paid on a loaded policy; its receipt is unique per product, as for contributions entered today. */
	public static LegacyRecord premium(LegacyRow row, MappingContext context) {
		LoadedRecords.Loaded policy = context.loaded().required(row, "PolicyID", LegacyTable.POLICIES);
		PaymentNotice notice = context.identify(new PaymentNotice(), row);
		notice.getMeta().addProfile(ContributionRecorder.CONTRIBUTION_PROFILE);
		Extension details = notice.addExtension().setUrl(ContributionRecorder.CONTRIBUTION_DETAILS);
		details.addExtension("payType", new CodeType(row.has("PayType") ? row.text("PayType").toUpperCase() : "C"));
		String receipt = row.has("Receipt") ? row.text("Receipt") : "LEGACY-" + row.id();
		notice.addIdentifier().setSystem(RECEIPT_SYSTEM).setValue(policy.fact("product") + "|" + receipt);
		notice.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		notice.setStatus(PaymentNotice.PaymentNoticeStatus.ACTIVE);
		String payDate = row.requiredDate("PayDate").toString();
		notice.setCreatedElement(new DateTimeType(payDate));
		notice.setRequest(new Reference(policy.reference()));
		notice.setPayment(new Reference().setIdentifier(new Identifier().setValue(receipt)));
		notice.setPaymentDateElement(new DateType(payDate));
		notice.setRecipient(context.insurer().copy());
		BigDecimal amount = row.amount("Amount");
		notice.setAmount(new Money().setValue(amount).setCurrency(context.currency()));
		return LegacyRecord.single(row, notice, Map.of());
	}
}
