package org.imisfhir.payment.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** A remunerated claim as it appears on a facility's payment statement. */
public record StatementClaim(String facilityCode, String claimCode, BigDecimal claimed, BigDecimal approved, BigDecimal remunerated) {

	public StatementClaim {
		Objects.requireNonNull(facilityCode, "facilityCode");
		Objects.requireNonNull(claimed, "claimed");
		Objects.requireNonNull(approved, "approved");
		Objects.requireNonNull(remunerated, "remunerated");
	}
}
