package org.imisfhir.programme;

import org.imisfhir.outcome.RuleViolation;

/** Why a programme step is refused (CodeSystem terminology/imis/CodeSystem-imis-programme-error.json). */
public enum ProgrammeViolation implements RuleViolation {
	VOUCHER_CSV_HEADER("voucher-csv-header"),
	VOUCHER_STATUS_UNKNOWN("voucher-status-unknown"),
	VOUCHER_REASON_REQUIRED("voucher-reason-required"),
	VOUCHER_SAME_STATUS("voucher-same-status"),
	VOUCHER_USE_BY_ENROLMENT_ONLY("voucher-use-by-enrolment-only"),
	VOUCHER_USED_NOT_NEW_AGAIN("voucher-used-not-new-again"),
	VOUCHER_NOT_A_VOUCHER("voucher-not-a-voucher"),
	VOUCHER_UNKNOWN("voucher-unknown"),
	VOUCHER_NOT_NEW("voucher-not-new"),
	VOUCHER_NEEDS_POLICY("voucher-needs-policy"),
	VOUCHER_LIST_PROGRAMME_UNKNOWN("voucher-list-programme-unknown"),
	VOUCHER_LIST_IMPORT_UNKNOWN("voucher-list-import-unknown"),
	VOUCHER_LIST_DATE_INVALID("voucher-list-date-invalid"),
	VOUCHER_LIST_FORMAT_UNKNOWN("voucher-list-format-unknown"),
	MPI_MATCH_RESOURCE_REQUIRED("mpi-match-resource-required"),
	MPI_MATCH_COUNT("mpi-match-count"),
	MPI_REASON_REQUIRED("mpi-reason-required"),
	MPI_SYSTEM_NOT_URI("mpi-system-not-uri"),
	MPI_SYSTEM_RESERVED("mpi-system-reserved"),
	MPI_VALUE_MALFORMED("mpi-value-malformed"),
	MPI_NUMBER_FORMAT("mpi-number-format"),
	MPI_IDENTIFIER_LINKED_ELSEWHERE("mpi-identifier-linked-elsewhere"),
	MPI_NUMBER_ALREADY_SET("mpi-number-already-set"),
	MPI_IDENTIFIER_NOT_LINKED("mpi-identifier-not-linked"),
	MPI_INSURANCE_NUMBER_KEPT("mpi-insurance-number-kept"),
	MPI_INSUREE_RETIRED("mpi-insuree-retired"),
	MPI_PIX_SOURCE_IDENTIFIER("mpi-pix-source-identifier"),
	MPI_PIX_NOT_FOUND("mpi-pix-not-found"),
	MERGE_PATIENTS_REQUIRED("merge-patients-required"),
	MERGE_SAME_INSUREE("merge-same-insuree"),
	MERGE_SOURCE_ALREADY_MERGED("merge-source-already-merged"),
	MERGE_TARGET_RETIRED("merge-target-retired"),
	MERGE_HEAD_WOULD_LEAVE_FAMILY("merge-head-would-leave-family"),
	PROGRAMME_POLICY_ACTIVE("programme-policy-active"),
	PROGRAMME_POLICY_BLOCKED("programme-policy-blocked"),
	CLAIM_PROGRAMME_NOT_OFFERED("claim-programme-not-offered"),
	CLAIM_PROGRAMME_NOT_HELD("claim-programme-not-held"),
	CLAIM_PROGRAMME_AMBIGUOUS("claim-programme-ambiguous"),
	CLAIM_VOUCHER_UNKNOWN("claim-voucher-unknown"),
	CLAIM_VOUCHER_NOT_USED("claim-voucher-not-used"),
	PRODUCT_IDENTIFIER_MISSING("product-identifier-missing"),
	PRODUCT_NOT_FOR_FAMILY("product-not-for-family"),
	SENSITIVE_LABEL_CHANGE("sensitive-label-change"),
	SENSITIVE_SEARCH_NOT_GRANTED("sensitive-search-not-granted"),
	SENSITIVE_SEARCH_SYSTEM_REQUIRED("sensitive-search-system-required"),
	SENSITIVE_IDENTIFIER_NOT_GRANTED("sensitive-identifier-not-granted");

	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-programme-error";

	private final String code;

	ProgrammeViolation(String code) {
		this.code = code;
	}

	@Override
	public String system() {
		return SYSTEM;
	}

	@Override
	public String code() {
		return code;
	}
}
