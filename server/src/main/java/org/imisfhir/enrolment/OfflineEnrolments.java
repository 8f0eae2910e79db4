package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.rules.InsuranceNumberGenerator;
import org.imisfhir.enrolment.rules.OfflineEnrolmentJudge;
import org.imisfhir.enrolment.rules.TemporaryNumberCheck;
import org.imisfhir.enrolment.rules.TemporaryNumberFormat;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

/**
 * Families enrolled by an offline client: gathers what the store knows of each member (temporary number block,
 * insurees already carrying the temporary or proposed permanent number, the same person already insured), lets
 * {@link OfflineEnrolmentJudge} decide, and for a new family gives each member enrolled under a temporary number a
 * permanent one drawn per the country's rules, keeping the temporary number as an old identifier.
 */
@Component
public class OfflineEnrolments {

	/** One family as an offline client sends it (the parameters of {@code $enrol}). */
	public record Entry(Group family, List<Patient> members, StringType product, DateType enrolDate, Reference officer, StringType voucher) {}

	/** What became of an entry that was not refused: created, or already received (the stored resources). */
	public record Outcome(boolean created, Bundle stored, List<String> temporaryNumbers) {}

	private final DaoRegistry daos;
	private final FamilyEnrolmentWriter writer;
	private final TemporaryNumberBlocks blocks;
	private final TemporaryNumberFormat format;
	private final InsuranceNumberGenerator generator;
	private final RandomGenerator random = new SecureRandom();

	public OfflineEnrolments(
			DaoRegistry daos, FamilyEnrolmentWriter writer, TemporaryNumberBlocks blocks, TemporaryNumberFormat format,
			InsuranceNumberGenerator generator) {
		this.daos = daos;
		this.writer = writer;
		this.blocks = blocks;
		this.format = format;
		this.generator = generator;
	}

	public boolean carriesTemporaryNumbers(List<Patient> members) {
		return members.stream().anyMatch(m -> InsureeRecords.temporaryNumber(m).isPresent());
	}

	/** {@code $enrol} of one family carrying temporary numbers: a refusal or conflict is thrown. */
	public Bundle enrolOne(Entry entry, Reference officer, String device, RequestDetails request) {
		return process(entry, officerId(officer), device, Set.of(), request).stored();
	}

	/**
	 * Judges and, when new, writes one family.
	 *
	 * @param earlierInSync temporary numbers of the entries of the same sync already processed
	 * @throws ImisRuleException when the entry is refused (422) or conflicts with the store (409)
	 */
	public Outcome process(Entry entry, String officerId, String device, Set<String> earlierInSync, RequestDetails request) {
		FamilyEnrolmentWriter.checkShape(entry.family(), entry.members());
		List<String> temporaryNumbers = entry.members().stream()
				.map(m -> InsureeRecords.temporaryNumber(m).orElse(null)).filter(n -> n != null).toList();
		String entryVillage = villageOf(entry.family()).orElse(null);
		List<OfflineEnrolmentJudge.Member> members = new ArrayList<>();
		for (Patient member : entry.members()) {
			members.add(facts(member, entryVillage, officerId, device));
		}
		OfflineEnrolmentJudge.Judgement judgement = OfflineEnrolmentJudge.judge(received(entry), members, earlierInSync);
		switch (judgement.verdict()) {
			case REFUSED -> throw ImisRuleException.businessRule(EnrolmentViolation.of(judgement.reason()), judgement.subject());
			case CONFLICT -> throw ImisRuleException.conflict(EnrolmentViolation.of(judgement.reason()), judgement.subject(),
					(judgement.reason() == OfflineEnrolmentJudge.Reason.FAMILY_RECEIVED_DIFFERENTLY ? "Group/" : "Patient/")
							+ judgement.storedId());
			case UNCHANGED -> {
				return new Outcome(false, writer.storedFamily(judgement.storedId()), temporaryNumbers);
			}
			default -> {
				givePermanentNumbers(entry.members());
				FamilyEnrolmentWriter.Written written = writer.write(entry.family(), entry.members(), entry.product(), entry.enrolDate(),
						entry.officer(), entry.voucher(), request);
				return new Outcome(written.created(), written.stored(), temporaryNumbers);
			}
		}
	}

	/** The id of the officer a reference names (a Practitioner, or the practitioner of a PractitionerRole). */
	public String officerId(Reference officer) {
		if (officer == null || !officer.hasReference()) {
			return null;
		}
		if ("PractitionerRole".equals(officer.getReferenceElement().getResourceType())) {
			PractitionerRole role = daos.getResourceDao(PractitionerRole.class)
					.read(officer.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			return role.getPractitioner().getReferenceElement().getIdPart();
		}
		return officer.getReferenceElement().getIdPart();
	}

	private OfflineEnrolmentJudge.Member facts(Patient member, String entryVillage, String officerId, String device) {
		String temporary = InsureeRecords.temporaryNumber(member).orElse(null);
		String permanent = InsureeRecords.insuranceNumber(member).orElse(null);
		Optional<TemporaryNumberCheck.Refusal> refusal = temporary == null ? Optional.empty()
				: TemporaryNumberCheck.check(format, temporary, blocks.blockOf(temporary), officerId, device);
		OfflineEnrolmentJudge.StoredInsuree byTemporary = temporary == null ? null
				: insureeWith(EnrolmentProfiles.TEMPORARY_NUMBER_SYSTEM, temporary).map(this::stored).orElse(null);
		OfflineEnrolmentJudge.StoredInsuree byPermanent = permanent == null ? null
				: insureeWith(EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM, permanent).map(this::stored).orElse(null);
		String village = villageOf(member).orElse(entryVillage);
		return new OfflineEnrolmentJudge.Member(temporary, permanent, person(member), refusal, byTemporary, byPermanent,
				samePerson(member, village));
	}

	/** The family this entry was already received as: by the client's offline id, else by its head's number. */
	private Optional<OfflineEnrolmentJudge.StoredFamily> received(Entry entry) {
		Optional<String> offlineId = entry.family().getIdentifier().stream()
				.filter(i -> EnrolmentProfiles.OFFLINE_ENROLMENT_SYSTEM.equals(i.getSystem()))
				.map(Identifier::getValue).findFirst();
		Optional<Group> family;
		if (offlineId.isPresent()) {
			family = first(Group.class, SearchParameterMap.newSynchronous("identifier",
					new TokenParam(EnrolmentProfiles.OFFLINE_ENROLMENT_SYSTEM, offlineId.get())));
		} else {
			Patient head = entry.members().stream().filter(InsureeRecords::isHead).findFirst().orElseThrow();
			Optional<String> headTemporary = InsureeRecords.temporaryNumber(head);
			if (headTemporary.isPresent()) {
				family = insureeWith(EnrolmentProfiles.TEMPORARY_NUMBER_SYSTEM, headTemporary.get())
						.filter(stored -> person(stored).equals(person(head)))
						.flatMap(OfflineEnrolments::familyReference)
						.map(ref -> daos.getResourceDao(Group.class).read(ref.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()));
			} else {
				family = InsureeRecords.insuranceNumber(head).flatMap(number -> first(Group.class, SearchParameterMap.newSynchronous(
						"identifier", new TokenParam(EnrolmentProfiles.FAMILY_CODE_SYSTEM, number))));
			}
		}
		return family.map(this::storedFamily);
	}

	private OfflineEnrolmentJudge.StoredFamily storedFamily(Group family) {
		List<OfflineEnrolmentJudge.StoredMember> members = new ArrayList<>();
		for (Group.GroupMemberComponent member : family.getMember()) {
			if (member.getInactive()) {
				continue;
			}
			Patient patient = daos.getResourceDao(Patient.class)
					.read(member.getEntity().getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			members.add(new OfflineEnrolmentJudge.StoredMember(InsureeRecords.temporaryNumber(patient).orElse(null),
					InsureeRecords.insuranceNumber(patient).orElse(null), person(patient)));
		}
		return new OfflineEnrolmentJudge.StoredFamily(family.getIdElement().getIdPart(), members);
	}

	/** Insurees with the same family and given names (ignoring case and accents), birth date and village. */
	private List<OfflineEnrolmentJudge.StoredInsuree> samePerson(Patient member, String village) {
		if (!member.hasBirthDate() || !member.hasName() || !member.getNameFirstRep().hasFamily()) {
			return List.of();
		}
		HumanName name = member.getNameFirstRep();
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add("birthdate", new DateParam(ParamPrefixEnum.EQUAL, member.getBirthDateElement().getValueAsString()))
				.add("family", new StringParam(name.getFamily()));
		List<OfflineEnrolmentJudge.StoredInsuree> same = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(Patient.class).search(query, new SystemRequestDetails()).getAllResources()) {
			Patient candidate = (Patient) found;
			HumanName candidateName = candidate.getNameFirstRep();
			boolean sameNames = normalised(candidateName.getFamily()).equals(normalised(name.getFamily()))
					&& normalised(candidateName.getGivenAsSingleString()).equals(normalised(name.getGivenAsSingleString()));
			if (sameNames && java.util.Objects.equals(village, storedVillage(candidate))) {
				same.add(stored(candidate));
			}
		}
		return same;
	}

	private String storedVillage(Patient insuree) {
		Optional<String> own = villageOf(insuree);
		if (own.isPresent()) {
			return own.get();
		}
		return familyReference(insuree)
				.map(ref -> daos.getResourceDao(Group.class).read(ref.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()))
				.flatMap(OfflineEnrolments::villageOf)
				.orElse(null);
	}

	/** Each member enrolled under a temporary number without a permanent one gets one; the temporary becomes old. */
	private void givePermanentNumbers(List<Patient> members) {
		Set<String> drawn = new HashSet<>();
		for (Patient member : members) {
			for (Identifier identifier : member.getIdentifier()) {
				if (EnrolmentProfiles.TEMPORARY_NUMBER_SYSTEM.equals(identifier.getSystem())) {
					identifier.setUse(Identifier.IdentifierUse.OLD);
					identifier.getType().getCoding().clear();
					identifier.getType().addCoding().setSystem(EnrolmentProfiles.IDENTIFIER_TYPE_SYSTEM)
							.setCode(EnrolmentProfiles.TEMPORARY_NUMBER_TYPE).setDisplay("Temporary insurance number");
				}
			}
			if (InsureeRecords.temporaryNumber(member).isPresent() && InsureeRecords.insuranceNumber(member).isEmpty()) {
				String number;
				do {
					number = generator.next(random);
				} while (!drawn.add(number) || insureeWith(EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM, number).isPresent());
				member.getIdentifier().add(0, new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
						.setSystem(EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM).setValue(number));
			}
		}
	}

	private Optional<Patient> insureeWith(String system, String number) {
		return first(Patient.class, SearchParameterMap.newSynchronous("identifier", new TokenParam(system, number)));
	}

	private <T extends IBaseResource> Optional<T> first(Class<T> type, SearchParameterMap query) {
		List<IBaseResource> found = daos.getResourceDao(type).search(query, new SystemRequestDetails()).getResources(0, 1);
		return found.isEmpty() ? Optional.empty() : Optional.of(type.cast(found.get(0)));
	}

	private OfflineEnrolmentJudge.StoredInsuree stored(Patient insuree) {
		return new OfflineEnrolmentJudge.StoredInsuree(insuree.getIdElement().getIdPart(),
				familyReference(insuree).map(r -> r.getReferenceElement().getIdPart()).orElse(null));
	}

	private static Optional<Reference> familyReference(Patient insuree) {
		Extension family = insuree.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		return family != null && family.getValue() instanceof Reference reference && reference.hasReference()
				? Optional.of(reference) : Optional.empty();
	}

	private static Optional<String> villageOf(Patient insuree) {
		return insuree.getAddress().stream().map(OfflineEnrolments::villageOf).flatMap(Optional::stream).findFirst();
	}

	private static Optional<String> villageOf(Group family) {
		Extension address = family.getExtensionByUrl(EnrolmentProfiles.GROUP_ADDRESS);
		return address != null && address.getValue() instanceof Address value ? villageOf(value) : Optional.empty();
	}

	private static Optional<String> villageOf(Address address) {
		Extension village = address.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
		return village != null && village.getValue() instanceof Reference reference && reference.hasReference()
				? Optional.of(reference.getReferenceElement().toUnqualifiedVersionless().getValue()) : Optional.empty();
	}

	/** Who an insuree is, for recognising a re-send: names and birth date, ignoring case and accents. */
	static String person(Patient insuree) {
		HumanName name = insuree.getNameFirstRep();
		return normalised(name.getFamily()) + "|" + normalised(name.getGivenAsSingleString()) + "|" + insuree.getBirthDateElement().getValueAsString();
	}

	static String normalised(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
	}
}
