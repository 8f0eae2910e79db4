package org.imisfhir.audit;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which changes of money or eligibility get a Provenance, and under which activity (CodeSystem
 * terminology/imis/CodeSystem-provenance-activity.json): the business operations that change policies,
 * claims, payments or vouchers, plain writes of policies and contributions, and the server's own writes of
 * them (the batch run's chunks, policy expiry).
 */
public enum ProvenanceActivity {
	ENROL("enrol"),
	RENEW("renew"),
	CONTRIBUTION("contribution"),
	POLICY_CHANGE("policy-change"),
	CLAIM_SUBMIT("claim-submit"),
	CLAIM_REVIEW("claim-review"),
	CLAIM_PROCESS("claim-process"),
	CLAIM_RESTORE("claim-restore"),
	CLAIM_RETURN("claim-return"),
	BATCH_RUN("batch-run"),
	BATCH_RUN_CANCEL("batch-run-cancel"),
	VOUCHER_STATUS("voucher-status");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/provenance-activity";

	/** Operations that always change money or eligibility when they write something. */
	static final Map<String, ProvenanceActivity> BY_OPERATION = Map.of(
			"Coverage/$renew", RENEW,
			"Claim/$submit", CLAIM_SUBMIT,
			"Claim/$review", CLAIM_REVIEW,
			"Claim/$process", CLAIM_PROCESS,
			"Claim/$restore", CLAIM_RESTORE,
			"Claim/$return", CLAIM_RETURN,
			"$batch-run", BATCH_RUN,
			"Task/$batch-run-cancel", BATCH_RUN_CANCEL,
			"Basic/$set-voucher-status", VOUCHER_STATUS);

	private final String code;

	ProvenanceActivity(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/**
	 * The activity of one database transaction's writes, or empty when they change neither money nor
	 * eligibility.
	 *
	 * @param operation    the operation of the request ({@code Claim/$submit}), or null for a plain write or
	 *                     the server's own work
	 * @param serverWork   the server wrote on its own, outside any request (scheduled jobs, the batch run's
	 *                     chunks)
	 * @param writtenTypes the resource types the transaction wrote
	 */
	public static Optional<ProvenanceActivity> of(String operation, boolean serverWork, Set<String> writtenTypes) {
		if (writtenTypes.isEmpty()) {
			return Optional.empty();
		}
		if (operation != null && BY_OPERATION.containsKey(operation)) {
			return Optional.of(BY_OPERATION.get(operation));
		}
		if ("Group/$enrol".equals(operation)) {
			// a family registered without a policy changes no money
			return writtenTypes.contains("Coverage") ? Optional.of(ENROL) : Optional.empty();
		}
		if (writtenTypes.contains("PaymentNotice")) {
			return Optional.of(CONTRIBUTION);
		}
		if (writtenTypes.contains("PaymentReconciliation")
				|| (serverWork && (writtenTypes.contains("Claim") || writtenTypes.contains("ClaimResponse")))) {
			// payment statements, and claims remunerated by a batch run's chunks
			return Optional.of(BATCH_RUN);
		}
		if (writtenTypes.contains("Coverage")) {
			return Optional.of(POLICY_CHANGE);
		}
		return Optional.empty();
	}
}
