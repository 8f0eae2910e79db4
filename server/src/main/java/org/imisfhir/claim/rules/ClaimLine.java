package org.imisfhir.claim.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An item or service line of a claim. The approved quantity and price are set by a reviewer;
 * {@code reviewRejection} is set when a reviewer (-1) or the AI evaluation (-2) already rejected
 * the line, which the checks then keep.
 */
public record ClaimLine(
		MedicalRef ref,
		BigDecimal quantity,
		BigDecimal priceAsked,
		BigDecimal quantityApproved,
		BigDecimal priceApproved,
		RejectionReason reviewRejection) {

	public ClaimLine {
		Objects.requireNonNull(ref, "ref");
		Objects.requireNonNull(quantity, "quantity");
		Objects.requireNonNull(priceAsked, "priceAsked");
	}

	public static ClaimLine of(MedicalRef ref, String quantity, String priceAsked) {
		return new ClaimLine(ref, new BigDecimal(quantity), new BigDecimal(priceAsked), null, null, null);
	}

	public ClaimLine approved(BigDecimal quantity, BigDecimal price) {
		return new ClaimLine(ref, this.quantity, priceAsked, quantity, price, reviewRejection);
	}

	public ClaimLine rejectedInReview(RejectionReason reason) {
		return new ClaimLine(ref, quantity, priceAsked, quantityApproved, priceApproved, reason);
	}

	/** The quantity the checks and the valuation work on: the approved one once a reviewer set it. */
	public BigDecimal effectiveQuantity() {
		return quantityApproved != null ? quantityApproved : quantity;
	}

	/** The price a product is chosen against: the approved one once a reviewer set it (rule-decisions 21). */
	public BigDecimal claimedPrice() {
		return priceApproved != null ? priceApproved : priceAsked;
	}
}
