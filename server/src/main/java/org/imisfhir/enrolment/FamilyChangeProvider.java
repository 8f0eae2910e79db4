package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

/**
 * Changes to a registered family (seed 001 §3.1): add a member, make another member head, take a member out
 * or move them to another family (never the head), move the family to another village. Each change is one transaction over the family and the insurees concerned, so the family
 * rules (exactly one head) are checked on the result.
 */
@Component
public class FamilyChangeProvider implements ImisOperationProvider {

	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final DaoRegistry daoRegistry;

	public FamilyChangeProvider(IFhirSystemDao<Bundle, Meta> systemDao, DaoRegistry daoRegistry) {
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
	}

	@Operation(name = "$add-member", type = Group.class)
	public Group addMember(
			@IdParam IdType familyId, @OperationParam(name = "member", min = 1, max = 1) Patient member, RequestDetails request) {
		Group family = readFamily(familyId, request);
		if (member == null) {
			throw ImisRuleException.businessRule(EnrolmentViolation.ENROL_MEMBERS_REQUIRED);
		}
		String number = InsureeRecords.insuranceNumber(member).orElseThrow(() -> ImisRuleException.businessRule(
				EnrolmentViolation.INSURANCE_NUMBER_MISSING, EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM));
		member.setId((String) null);
		member.getExtension().removeIf(e -> EnrolmentProfiles.IS_HEAD.equals(e.getUrl())
				|| EnrolmentProfiles.GROUP_REFERENCE.equals(e.getUrl()));
		member.addExtension(EnrolmentProfiles.IS_HEAD, new BooleanType(false));
		member.addExtension(EnrolmentProfiles.GROUP_REFERENCE, new Reference("Group/" + family.getIdElement().getIdPart()));
		if (!member.getMeta().hasProfile(EnrolmentProfiles.INSUREE)) {
			member.getMeta().addProfile(EnrolmentProfiles.INSUREE);
		}
		String urn = "urn:uuid:" + UUID.randomUUID();
		family.addMember().setEntity(new Reference(urn));
		family.setQuantity(activeMembers(family));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl(urn).setResource(member).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
				.setIfNoneExist("identifier=" + EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM + "|" + number);
		addUpdate(transaction, family);
		coverFromToday(transaction, family, urn);
		systemDao.transaction(request, transaction);
		return readFamily(familyId, request);
	}

	/**
	 * A member who joins is covered by the family's current policies from the day they join (their own effective
	 * date, openIMIS InsureePolicy), not from the policy's start.
	 */
	private void coverFromToday(Bundle transaction, Group family, String memberUrn) {
		java.time.LocalDate today = java.time.LocalDate.now();
		ca.uhn.fhir.jpa.searchparam.SearchParameterMap query = ca.uhn.fhir.jpa.searchparam.SearchParameterMap.newSynchronous(
				"family", new ca.uhn.fhir.rest.param.ReferenceParam("Group/" + family.getIdElement().getIdPart()));
		for (org.hl7.fhir.instance.model.api.IBaseResource found : daoRegistry.getResourceDao(org.hl7.fhir.r4.model.Coverage.class)
				.search(query, new ca.uhn.fhir.rest.api.server.SystemRequestDetails()).getAllResources()) {
			org.hl7.fhir.r4.model.Coverage policy = (org.hl7.fhir.r4.model.Coverage) found;
			if (!policy.hasPeriod() || !policy.getPeriod().hasStart() || !policy.getPeriod().hasEnd()) {
				continue;
			}
			java.time.LocalDate start = java.time.LocalDate.parse(policy.getPeriod().getStartElement().getValueAsString().substring(0, 10));
			java.time.LocalDate end = java.time.LocalDate.parse(policy.getPeriod().getEndElement().getValueAsString().substring(0, 10));
			java.time.LocalDate effective = org.imisfhir.enrolment.rules.MemberCover.joiningEffective(start, today);
			if (effective != null && !today.isAfter(end)) {
				org.hl7.fhir.r4.model.Extension row = policy.addExtension().setUrl(PolicyMembers.MEMBER);
				row.addExtension("insuree", new Reference(memberUrn));
				row.addExtension("effectiveDate", new org.hl7.fhir.r4.model.DateType(today.toString()));
				row.addExtension("reason", new org.hl7.fhir.r4.model.StringType("joined the family"));
				addUpdate(transaction, policy);
			}
		}
	}

	@Operation(name = "$change-head", type = Group.class)
	public Group changeHead(
			@IdParam IdType familyId, @OperationParam(name = "head", min = 1, max = 1) Reference newHead, RequestDetails request) {
		Group family = readFamily(familyId, request);
		String newHeadId = requireMember(family, newHead);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Group.GroupMemberComponent member : family.getMember()) {
			if (member.getInactive()) {
				continue;
			}
			Patient patient = readPatient(member.getEntity(), request);
			boolean shouldBeHead = patient.getIdElement().getIdPart().equals(newHeadId);
			if (InsureeRecords.isHead(patient) != shouldBeHead) {
				patient.getExtension().removeIf(e -> EnrolmentProfiles.IS_HEAD.equals(e.getUrl()));
				patient.addExtension(EnrolmentProfiles.IS_HEAD, new BooleanType(shouldBeHead));
				addUpdate(transaction, patient);
			}
		}
		family.getMeta().setLastUpdated(null);
		addUpdate(transaction, family);
		systemDao.transaction(request, transaction);
		return readFamily(familyId, request);
	}

	@Operation(name = "$remove-member", type = Group.class)
	public Group removeMember(
			@IdParam IdType familyId, @OperationParam(name = "member", min = 1, max = 1) Reference member, RequestDetails request) {
		Group family = readFamily(familyId, request);
		String memberId = requireMember(family, member);
		Patient patient = leaveFamily(family, memberId, request);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addUpdate(transaction, family);
		addUpdate(transaction, patient);
		systemDao.transaction(request, transaction);
		return readFamily(familyId, request);
	}

	/** Moves a member (not the head) to another family, as an ordinary member there. */
	@Operation(name = "$move-member", type = Group.class)
	public Group moveMember(
			@IdParam IdType familyId,
			@OperationParam(name = "member", min = 1, max = 1) Reference member,
			@OperationParam(name = "to", min = 1, max = 1) Reference targetFamily,
			RequestDetails request) {
		Group family = readFamily(familyId, request);
		String memberId = requireMember(family, member);
		if (targetFamily == null || !targetFamily.hasReference()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.ENROL_FAMILY_REQUIRED);
		}
		Group target = readFamily(new IdType(targetFamily.getReference()), request);
		Patient patient = leaveFamily(family, memberId, request);
		target.addMember().setEntity(new Reference("Patient/" + memberId));
		target.setQuantity(activeMembers(target));
		patient.addExtension(EnrolmentProfiles.GROUP_REFERENCE, new Reference("Group/" + target.getIdElement().getIdPart()));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addUpdate(transaction, family);
		addUpdate(transaction, target);
		addUpdate(transaction, patient);
		systemDao.transaction(request, transaction);
		return readFamily(new IdType(targetFamily.getReference()), request);
	}

	/** Moves a family to another village (the village must be a village). */
	@Operation(name = "$move", type = Group.class)
	public Group move(
			@IdParam IdType familyId, @OperationParam(name = "village", min = 1, max = 1) Reference village, RequestDetails request) {
		Group family = readFamily(familyId, request);
		org.hl7.fhir.r4.model.Address address = new org.hl7.fhir.r4.model.Address();
		address.addExtension(EnrolmentProfiles.ADDRESS_LOCATION, village);
		family.getExtension().removeIf(e -> EnrolmentProfiles.GROUP_ADDRESS.equals(e.getUrl()));
		family.addExtension(EnrolmentProfiles.GROUP_ADDRESS, address);
		daoRegistry.getResourceDao(Group.class).update(family, request);
		return readFamily(familyId, request);
	}

	/**
	 * Takes a member (never the head) out of the family in memory: the membership stays as inactive and the
	 * insuree loses the family link. Returns the insuree; the caller writes both.
	 */
	private Patient leaveFamily(Group family, String memberId, RequestDetails request) {
		Patient patient = readPatient(new Reference("Patient/" + memberId), request);
		if (InsureeRecords.isHead(patient)) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_HEAD_CANNOT_LEAVE, "Patient/" + memberId);
		}
		family.getMember().stream()
				.filter(m -> memberId.equals(m.getEntity().getReferenceElement().getIdPart()))
				.forEach(m -> m.setInactive(true));
		family.setQuantity(activeMembers(family));
		patient.getExtension().removeIf(e -> EnrolmentProfiles.GROUP_REFERENCE.equals(e.getUrl()));
		return patient;
	}

	private Group readFamily(IdType familyId, RequestDetails request) {
		return daoRegistry.getResourceDao(Group.class).read(familyId.toUnqualifiedVersionless(), request);
	}

	private Patient readPatient(Reference reference, RequestDetails request) {
		return daoRegistry.getResourceDao(Patient.class).read(reference.getReferenceElement().toUnqualifiedVersionless(), request);
	}

	private static String requireMember(Group family, Reference candidate) {
		String id = candidate == null ? null : candidate.getReferenceElement().getIdPart();
		boolean isMember = id != null && family.getMember().stream()
				.anyMatch(m -> !m.getInactive() && id.equals(m.getEntity().getReferenceElement().getIdPart()));
		if (!isMember) {
			throw ImisRuleException.businessRule(
					EnrolmentViolation.NOT_A_FAMILY_MEMBER, candidate == null ? "" : candidate.getReference());
		}
		return id;
	}

	private static int activeMembers(Group family) {
		return (int) family.getMember().stream().filter(m -> !m.getInactive()).count();
	}

	private static void addUpdate(Bundle transaction, org.hl7.fhir.r4.model.Resource resource) {
		String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		resource.setId(url);
		transaction.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
	}
}
