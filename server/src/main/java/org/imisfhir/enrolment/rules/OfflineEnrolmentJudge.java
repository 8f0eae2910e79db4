package org.imisfhir.enrolment.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What becomes of one family sent by an offline client (a sync entry or an enrolment carrying temporary
 * numbers), given what the store already holds. Nothing is ever overwritten: an entry is created, recognised as
 * already received (an idempotent re-send: the same ids are answered), or reported as a conflict with its reason.
 *
 * <ol>
 *   <li>A temporary number not of the scheme's form, not allocated to the sending officer, or of a block given to
 *       another device: refused.</li>
 *   <li>The family was already received (found by the client's offline identifier, or by its head's number
 *       carried by the same person): unchanged when every member of the entry is a member of it (the same temporary
 *       or permanent number and the same person); otherwise a conflict, since the entry differs from what was
 *       received.</li>
 *   <li>A new family: a conflict when a temporary number is already carried by an insuree or appears twice in the
 *       sync, when a proposed permanent number is already an insuree's, or when the same person (same names, birth
 *       date and village) is already an insuree; created otherwise.</li>
 * </ol>
 */
public final class OfflineEnrolmentJudge {

	public enum Verdict { CREATE, UNCHANGED, CONFLICT, REFUSED }

	public enum Reason {
		TEMPORARY_NUMBER_MALFORMED,
		TEMPORARY_NUMBER_NOT_ALLOCATED,
		TEMPORARY_NUMBER_OTHER_DEVICE,
		TEMPORARY_NUMBER_USED,
		INSURANCE_NUMBER_USED,
		INSUREE_ALREADY_ENROLLED,
		FAMILY_RECEIVED_DIFFERENTLY
	}

	/** An insuree already stored. */
	public record StoredInsuree(String id, String familyId) {}

	/**
	 * A current member of a stored family.
	 *
	 * @param person who they are: names and birth date, normalised (see the caller)
	 */
	public record StoredMember(String temporaryNumber, String permanentNumber, String person) {

		boolean is(Member member) {
			boolean sameNumber = (member.temporaryNumber() != null && member.temporaryNumber().equals(temporaryNumber))
					|| (member.permanentNumber() != null && member.permanentNumber().equals(permanentNumber));
			return sameNumber && person.equals(member.person());
		}
	}

	/** A family already stored, with its current members. */
	public record StoredFamily(String id, List<StoredMember> members) {}

	/**
	 * One member of the entry and what the store knows of it.
	 *
	 * @param person who they are: names and birth date, normalised as for {@link StoredMember}
	 * @param byTemporary the insuree already carrying the temporary number, or null
	 * @param byPermanent the insuree already carrying the proposed permanent number, or null
	 * @param samePerson insurees with the same names, birth date and village
	 */
	public record Member(
			String temporaryNumber,
			String permanentNumber,
			String person,
			Optional<TemporaryNumberCheck.Refusal> temporaryRefusal,
			StoredInsuree byTemporary,
			StoredInsuree byPermanent,
			List<StoredInsuree> samePerson) {}

	/**
	 * @param subject the number concerned (for the message), or null
	 * @param storedId the stored family (unchanged) or insuree (conflict) concerned, or null
	 */
	public record Judgement(Verdict verdict, Reason reason, String subject, String storedId) {

		static Judgement create() {
			return new Judgement(Verdict.CREATE, null, null, null);
		}
	}

	private OfflineEnrolmentJudge() {}

	/**
	 * @param received the family already received for this entry, if any
	 * @param earlierInSync temporary numbers of the entries of the same sync judged before this one
	 */
	public static Judgement judge(Optional<StoredFamily> received, List<Member> members, Set<String> earlierInSync) {
		for (Member member : members) {
			if (member.temporaryRefusal().isPresent()) {
				Reason reason = switch (member.temporaryRefusal().get()) {
					case MALFORMED -> Reason.TEMPORARY_NUMBER_MALFORMED;
					case NOT_ALLOCATED -> Reason.TEMPORARY_NUMBER_NOT_ALLOCATED;
					case OTHER_DEVICE -> Reason.TEMPORARY_NUMBER_OTHER_DEVICE;
				};
				return new Judgement(Verdict.REFUSED, reason, member.temporaryNumber(), null);
			}
		}
		if (received.isPresent()) {
			for (Member member : members) {
				if (received.get().members().stream().noneMatch(stored -> stored.is(member))) {
					return new Judgement(Verdict.CONFLICT, Reason.FAMILY_RECEIVED_DIFFERENTLY, numberOf(member), received.get().id());
				}
			}
			return new Judgement(Verdict.UNCHANGED, null, null, received.get().id());
		}
		Set<String> inThisEntry = new HashSet<>();
		for (Member member : members) {
			String temporary = member.temporaryNumber();
			if (temporary != null && (earlierInSync.contains(temporary) || !inThisEntry.add(temporary))) {
				return new Judgement(Verdict.CONFLICT, Reason.TEMPORARY_NUMBER_USED, temporary, null);
			}
			if (member.byTemporary() != null) {
				return new Judgement(Verdict.CONFLICT, Reason.TEMPORARY_NUMBER_USED, temporary, member.byTemporary().id());
			}
			if (member.byPermanent() != null) {
				return new Judgement(Verdict.CONFLICT, Reason.INSURANCE_NUMBER_USED, member.permanentNumber(), member.byPermanent().id());
			}
			if (!member.samePerson().isEmpty()) {
				return new Judgement(Verdict.CONFLICT, Reason.INSUREE_ALREADY_ENROLLED, numberOf(member), member.samePerson().get(0).id());
			}
		}
		return Judgement.create();
	}

	private static String numberOf(Member member) {
		return member.temporaryNumber() != null ? member.temporaryNumber() : member.permanentNumber();
	}
}
