package org.imisfhir.programme.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what an import does with each row of a voucher file (NumCheque, ChequeStatus): a well-formed new
 * number is created with its status; a number already stored with the same status is unchanged; a number
 * already stored with another status, or seen earlier in the same file, is a duplicate and changes nothing
 * (a used voucher is never overwritten); a row with a malformed number or an unknown status is refused.
 * Numbers compare exactly, statuses case-insensitively.
 */
public final class VoucherImportPlanner {

	/** A row of the file: its line (1 is the header) and its two values as written. */
	public record Row(int line, String number, String status) {}

	public enum Decision { CREATE, UNCHANGED, DUPLICATE_IN_FILE, DUPLICATE_IN_STORE, REFUSED_NUMBER, REFUSED_STATUS }

	/** What to do with a row; {@code status} is the parsed status when there is one. */
	public record Plan(Row row, Decision decision, VoucherStatus status) {}

	private final Pattern numberPattern;

	/** @param numberPattern the country's accepted voucher numbers, e.g. {@code [A-Za-z0-9]{6,20}} */
	public VoucherImportPlanner(String numberPattern) {
		this.numberPattern = Pattern.compile(numberPattern);
	}

	public boolean wellFormed(String number) {
		return number != null && numberPattern.matcher(number).matches();
	}

	public List<Plan> plan(List<Row> rows, Map<String, VoucherStatus> stored) {
		List<Plan> plans = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Row row : rows) {
			String number = row.number() == null ? null : row.number().trim();
			if (!wellFormed(number)) {
				plans.add(new Plan(row, Decision.REFUSED_NUMBER, null));
				continue;
			}
			Optional<VoucherStatus> status = VoucherStatus.parse(row.status());
			if (status.isEmpty()) {
				plans.add(new Plan(row, Decision.REFUSED_STATUS, null));
				continue;
			}
			if (!seen.add(number)) {
				plans.add(new Plan(row, Decision.DUPLICATE_IN_FILE, status.get()));
			} else if (stored.containsKey(number)) {
				plans.add(new Plan(row, stored.get(number) == status.get() ? Decision.UNCHANGED : Decision.DUPLICATE_IN_STORE, status.get()));
			} else {
				plans.add(new Plan(row, Decision.CREATE, status.get()));
			}
		}
		return plans;
	}
}
