package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.enrolment.InsureeRecords;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.ProgrammeViolation;
import org.imisfhir.programme.mpi.rules.MergeParty;
import org.imisfhir.programme.mpi.rules.MergePlanner;
import org.springframework.stereotype.Component;

/**
 * Works out a merge of two insurees as one transaction: the survivor (target) takes the source's numbers, its
 * policies (Coverage beneficiary, policy holder, payor), its claims and claim responses, and its place in its
 * family; the source becomes inactive with Patient.link replaced-by the survivor, which gets replaces. Each
 * resource is written with If-Match on the version read, so a concurrent change makes the merge fail whole.
 */
@Component
class InsureeMerge {

	/** What a merge changes: the transaction, the two insurees as they become, and what moved. */
	record Changes(Bundle transaction, Patient survivor, Patient retired, List<Moved> moved) {}

	/** A resource that now names the survivor instead of the source, and where. */
	record Moved(String resource, String element) {}

	private final DaoRegistry daos;

	InsureeMerge(DaoRegistry daos) {
		this.daos = daos;
	}

	Changes plan(Reference sourceRef, Reference targetRef, RequestDetails request) {
		if (sourceRef == null || targetRef == null || !sourceRef.hasReference() || !targetRef.hasReference()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.MERGE_PATIENTS_REQUIRED);
		}
		Patient source = read(Patient.class, sourceRef.getReferenceElement(), request);
		Patient target = read(Patient.class, targetRef.getReferenceElement(), request);
		String sourceId = reference(source);
		String targetId = reference(target);
		MergeParty sourceParty = party(source);
		MergeParty targetParty = party(target);
		MergePlanner.refusal(sourceParty, targetParty).ifPresent(refusal -> {
			throw switch (refusal) {
				case SAME_INSUREE -> ImisRuleException.businessRule(ProgrammeViolation.MERGE_SAME_INSUREE);
				case SOURCE_ALREADY_MERGED -> ImisRuleException.conflict(ProgrammeViolation.MERGE_SOURCE_ALREADY_MERGED, sourceId);
				case TARGET_RETIRED -> ImisRuleException.conflict(ProgrammeViolation.MERGE_TARGET_RETIRED, targetId);
				case HEAD_WOULD_LEAVE_FAMILY -> ImisRuleException.businessRule(ProgrammeViolation.MERGE_HEAD_WOULD_LEAVE_FAMILY, sourceId);
			};
		});

		Map<String, Resource> changed = new LinkedHashMap<>();
		List<Moved> moved = new ArrayList<>();
		changed.put(targetId, target);
		changed.put(sourceId, source);

		takeNumbers(source, target);
		source.setActive(false);
		source.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference(targetId));
		target.addLink().setType(Patient.LinkType.REPLACES).setOther(new Reference(sourceId));

		moveFamily(MergePlanner.familyChange(sourceParty, targetParty), source, target, changed, moved, request);
		movePolicies(sourceId, targetId, changed, moved);
		moveClaims(sourceId, targetId, changed, moved);

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource resource : changed.values()) {
			String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			String version = resource.getIdElement().getVersionIdPart();
			resource.setId(url);
			Bundle.BundleEntryRequestComponent put = transaction.addEntry().setFullUrl(url).setResource(resource).getRequest()
					.setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
			if (version != null) {
				put.setIfMatch("W/\"" + version + "\"");
			}
		}
		return new Changes(transaction, target, source, moved);
	}

	private static void takeNumbers(Patient source, Patient target) {
		List<MergePlanner.Number> added = MergePlanner.numbersToAdd(numbers(source), numbers(target),
				EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM);
		for (MergePlanner.Number number : added) {
			Identifier original = MpiIdentifiers.find(source, number.system(), number.value()).orElseThrow();
			Identifier copy = original.copy();
			copy.setUse(Identifier.IdentifierUse.fromCode(number.use()));
			target.addIdentifier(copy);
		}
	}

	private static List<MergePlanner.Number> numbers(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(i -> i.hasSystem() && i.hasValue())
				.map(i -> new MergePlanner.Number(i.getSystem(), i.getValue(), i.hasUse() ? i.getUse().toCode() : null))
				.toList();
	}

	private void moveFamily(MergePlanner.FamilyChange change, Patient source, Patient target, Map<String, Resource> changed,
			List<Moved> moved, RequestDetails request) {
		if (change == MergePlanner.FamilyChange.NONE) {
			return;
		}
		String familyId = family(source);
		Group family = read(Group.class, new IdType(familyId), request);
		String sourceId = source.getIdElement().getIdPart();
		boolean sourceWasHead = InsureeRecords.isHead(source);
		family.getMember().stream()
				.filter(m -> !m.getInactive() && sourceId.equals(m.getEntity().getReferenceElement().getIdPart()))
				.forEach(m -> m.setInactive(true));
		if (change == MergePlanner.FamilyChange.TAKE_OVER_MEMBERSHIP) {
			family.addMember().setEntity(new Reference(reference(target)));
			target.getExtension().removeIf(e -> EnrolmentProfiles.GROUP_REFERENCE.equals(e.getUrl()));
			target.addExtension(EnrolmentProfiles.GROUP_REFERENCE, new Reference(familyId));
			if (!target.hasContact() && source.hasContact()) {
				source.getContact().forEach(c -> target.addContact(c.copy()));
			}
			setHead(target, sourceWasHead);
		} else if (change == MergePlanner.FamilyChange.SAME_FAMILY && sourceWasHead) {
			setHead(target, true);
		}
		setHead(source, false);
		source.getExtension().removeIf(e -> EnrolmentProfiles.GROUP_REFERENCE.equals(e.getUrl()));
		family.setQuantity((int) family.getMember().stream().filter(m -> !m.getInactive()).count());
		changed.put(reference(family), family);
		moved.add(new Moved(reference(family), change == MergePlanner.FamilyChange.LEAVE_SOURCE_FAMILY
				? "Group.member (source left)" : "Group.member"));
	}

	private static void setHead(Patient patient, boolean head) {
		patient.getExtension().removeIf(e -> EnrolmentProfiles.IS_HEAD.equals(e.getUrl()));
		patient.addExtension(EnrolmentProfiles.IS_HEAD, new BooleanType(head));
	}

	private void movePolicies(String sourceId, String targetId, Map<String, Resource> changed, List<Moved> moved) {
		Map<String, Coverage> policies = new LinkedHashMap<>();
		for (String parameter : List.of("beneficiary", "policy-holder", "payor")) {
			for (IBaseResource found : search(Coverage.class, parameter, sourceId)) {
				Coverage coverage = (Coverage) found;
				policies.putIfAbsent(reference(coverage), coverage);
			}
		}
		for (Coverage policy : policies.values()) {
			Coverage coverage = (Coverage) changed.getOrDefault(reference(policy), policy);
			if (names(coverage.getBeneficiary(), sourceId)) {
				coverage.setBeneficiary(new Reference(targetId));
				moved.add(new Moved(reference(coverage), "Coverage.beneficiary"));
			}
			if (names(coverage.getPolicyHolder(), sourceId)) {
				coverage.setPolicyHolder(new Reference(targetId));
				moved.add(new Moved(reference(coverage), "Coverage.policyHolder"));
			}
			if (names(coverage.getSubscriber(), sourceId)) {
				coverage.setSubscriber(new Reference(targetId));
				moved.add(new Moved(reference(coverage), "Coverage.subscriber"));
			}
			for (Reference payor : coverage.getPayor()) {
				if (names(payor, sourceId)) {
					payor.setReference(targetId);
					moved.add(new Moved(reference(coverage), "Coverage.payor"));
				}
			}
			changed.put(reference(coverage), coverage);
		}
	}

	private void moveClaims(String sourceId, String targetId, Map<String, Resource> changed, List<Moved> moved) {
		for (IBaseResource found : search(Claim.class, "patient", sourceId)) {
			Claim claim = (Claim) found;
			claim.setPatient(new Reference(targetId));
			changed.put(reference(claim), claim);
			moved.add(new Moved(reference(claim), "Claim.patient"));
		}
		for (IBaseResource found : search(ClaimResponse.class, "patient", sourceId)) {
			ClaimResponse response = (ClaimResponse) found;
			response.setPatient(new Reference(targetId));
			changed.put(reference(response), response);
			moved.add(new Moved(reference(response), "ClaimResponse.patient"));
		}
	}

	private List<IBaseResource> search(Class<? extends IBaseResource> type, String parameter, String patientId) {
		return daos.getResourceDao(type)
				.search(SearchParameterMap.newSynchronous(parameter, new ReferenceParam(patientId)), new SystemRequestDetails())
				.getAllResources();
	}

	private <T extends IBaseResource> T read(Class<T> type, org.hl7.fhir.instance.model.api.IIdType id, RequestDetails request) {
		return daos.getResourceDao(type).read(new IdType(type.getSimpleName(), id.getIdPart()), request);
	}

	private static MergeParty party(Patient patient) {
		return new MergeParty(patient.getIdElement().getIdPart(), family(patient), InsureeRecords.isHead(patient),
				MpiIdentifiers.replacedBy(patient).isPresent());
	}

	/** The family reference ({@code Group/<id>}) of an insuree, or null. */
	private static String family(Patient patient) {
		Extension family = patient.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		return family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? "Group/" + reference.getReferenceElement().getIdPart() : null;
	}

	private static boolean names(Reference reference, String patientId) {
		return reference != null && reference.hasReference()
				&& patientId.equals(reference.getReferenceElement().toUnqualifiedVersionless().getValue());
	}

	private static String reference(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}
}
