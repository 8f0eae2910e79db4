package org.imisfhir.enrolment.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The officer of a renewal and its warnings (openIMIS insert_renewals, domain reference §2.4): the previous
 * policy's officer, replaced by their substitute, and the substitute's, as long as the officer in hand no longer
 * works on the renewal date (works-to date before it) and names a substitute. The warnings: no officer at all
 * (openIMIS bit 2), the officer found no longer works on the renewal date (bit 4), and the renewal's product is not
 * valid on the renewal date (bit 1; openIMIS sets that bit when the product still is valid, against its name: we
 * follow the name, decision 0027).
 */
public final class RenewalOfficer {

	/** An enrolment officer as the chain sees them. */
	public record Officer(String id, LocalDate worksTo, String substituteId) {}

	public enum Warning {
		PRODUCT_NOT_VALID("product-not-valid", 1),
		NO_OFFICER("no-officer", 2),
		OFFICER_NOT_WORKING("officer-not-working", 4);

		private final String code;
		private final int bit;

		Warning(String code, int bit) {
			this.code = code;
			this.bit = bit;
		}

		public String code() {
			return code;
		}

		public int bit() {
			return bit;
		}
	}

	/** The officer of the renewal (null when none) and the warnings. */
	public record Result(String officerId, Set<Warning> warnings) {

		public int flags() {
			return warnings.stream().mapToInt(Warning::bit).sum();
		}
	}

	private RenewalOfficer() {}

	/**
	 * @param previousOfficer the previous policy's officer id, or null
	 * @param lookup the officer of an id, empty when unknown
	 */
	public static Result resolve(String previousOfficer, Function<String, Optional<Officer>> lookup, LocalDate renewalDate,
			boolean productValid) {
		EnumSet<Warning> warnings = EnumSet.noneOf(Warning.class);
		if (!productValid) {
			warnings.add(Warning.PRODUCT_NOT_VALID);
		}
		Optional<Officer> officer = previousOfficer == null ? Optional.empty() : lookup.apply(previousOfficer);
		Set<String> seen = new HashSet<>();
		while (officer.isPresent() && notWorking(officer.get(), renewalDate) && officer.get().substituteId() != null
				&& seen.add(officer.get().id())) {
			Optional<Officer> substitute = lookup.apply(officer.get().substituteId());
			if (substitute.isEmpty()) {
				break;
			}
			officer = substitute;
		}
		if (officer.isEmpty()) {
			warnings.add(Warning.NO_OFFICER);
			return new Result(null, warnings);
		}
		if (notWorking(officer.get(), renewalDate)) {
			warnings.add(Warning.OFFICER_NOT_WORKING);
		}
		return new Result(officer.get().id(), warnings);
	}

	private static boolean notWorking(Officer officer, LocalDate date) {
		return officer.worksTo() != null && officer.worksTo().isBefore(date);
	}
}
