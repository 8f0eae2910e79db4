package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.enrolment.rules.MemberCover;
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
		coverFrom(transaction, family, urn, urn, LocalDate.now());
		systemDao.transaction(request, transaction);
		return readFamily(familyId, request);
	}

	/**
	 * A member who joins is covered by the family's running policies from the day they join (their own effective
	 * date, openIMIS InsureePolicy), not from the policy's start.
	 */
	private void coverFrom(Bundle transaction, Group family, String memberId, String memberReference, LocalDate joined) {
		for (Coverage policy : policiesOf(family)) {
			LocalDate start = date(policy.getPeriod().getStartElement().getValueAsString());
			List<MemberCover.Row> rows = MemberCover.joinedOn(start, expiry(policy), PolicyMembers.rows(policy, memberId), joined,
					"joined the family");
			if (PolicyMembers.replaceRows(policy, memberId, memberReference, rows)) {
				addUpdate(transaction, policy);
			}
		}
	}

	/**
	 * A member who leaves: their cover on each of the family's policies ends at {@code date} (the last day covered,
	 * openIMIS cancel_policies), or is kept as it was; the policy records either for them.
	 */
	private void coverOnLeaving(Bundle transaction, Group family, String memberId, LocalDate date, boolean endCover, String reason) {
		for (Coverage policy : policiesOf(family)) {
			List<MemberCover.Row> rows = MemberCover.leftOn(expiry(policy), PolicyMembers.rows(policy, memberId), date, endCover, reason);
			if (PolicyMembers.replaceRows(policy, memberId, "Patient/" + memberId, rows)) {
				addUpdate(transaction, policy);
			}
		}
	}

	/** The family's policies with a start and an expiry date. */
	private List<Coverage> policiesOf(Group family) {
		SearchParameterMap query = SearchParameterMap.newSynchronous(
				"family", new ReferenceParam("Group/" + family.getIdElement().getIdPart()));
		List<Coverage> policies = new ArrayList<>();
		for (IBaseResource found : daoRegistry.getResourceDao(Coverage.class).search(query, new SystemRequestDetails()).getAllResources()) {
			Coverage policy = (Coverage) found;
			if (policy.hasPeriod() && policy.getPeriod().hasStart() && policy.getPeriod().hasEnd()) {
				policies.add(policy);
			}
		}
		return policies;
	}

	private static LocalDate expiry(Coverage policy) {
		return date(policy.getPeriod().getEndElement().getValueAsString());
	}

	private static LocalDate date(String value) {
		return LocalDate.parse(value.substring(0, 10));
	}

	private static LocalDate dateOrToday(DateType date) {
		return date == null || date.isEmpty() ? LocalDate.now() : LocalDate.parse(date.getValueAsString());
	}

	/** The family as people know it: its code, else its id. */
	private static String label(Group family) {
		return family.getIdentifier().stream()
				.filter(identifier -> EnrolmentProfiles.FAMILY_CODE_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
				.map(identifier -> identifier.getValue())
				.findFirst()
				.orElse("Group/" + family.getIdElement().getIdPart());
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

	/** Takes a member (not the head) out of the family; their cover on its policies ends at {@code date} (default today). */
	@Operation(name = "$remove-member", type = Group.class)
	public Group removeMember(
			@IdParam IdType familyId,
			@OperationParam(name = "member", min = 1, max = 1) Reference member,
			@OperationParam(name = "date", max = 1) DateType date,
			RequestDetails request) {
		Group family = readFamily(familyId, request);
		String memberId = requireMember(family, member);
		Patient patient = leaveFamily(family, memberId, request);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addUpdate(transaction, family);
		addUpdate(transaction, patient);
		coverOnLeaving(transaction, family, memberId, dateOrToday(date), true, "removed from the family");
		systemDao.transaction(request, transaction);
		return readFamily(familyId, request);
	}

	/**
	 * Moves a member (not the head) to another family, as an ordinary member there, on {@code date} (default today):
	 * their cover on the old family's policies ends that day unless {@code endCover} is false, and the new family's
	 * running policies cover them from that day.
	 */
	@Operation(name = "$move-member", type = Group.class)
	public Group moveMember(
			@IdParam IdType familyId,
			@OperationParam(name = "member", min = 1, max = 1) Reference member,
			@OperationParam(name = "to", min = 1, max = 1) Reference targetFamily,
			@OperationParam(name = "endCover", max = 1) BooleanType endCover,
			@OperationParam(name = "date", max = 1) DateType date,
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
		LocalDate on = dateOrToday(date);
		boolean ending = endCover == null || endCover.getValue() == null || endCover.booleanValue();
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addUpdate(transaction, family);
		addUpdate(transaction, target);
		addUpdate(transaction, patient);
		coverOnLeaving(transaction, family, memberId, on, ending,
				"moved to family " + label(target) + (ending ? "" : ", cover kept"));
		coverFrom(transaction, target, memberId, "Patient/" + memberId, on);
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
