package org.imisfhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvenanceActivityTest {

	@Test
	void businessOperationsNameTheirActivity() {
		assertThat(ProvenanceActivity.of("Claim/$submit", false, Set.of("Claim", "ClaimResponse")))
				.contains(ProvenanceActivity.CLAIM_SUBMIT);
		assertThat(ProvenanceActivity.of("Basic/$set-voucher-status", false, Set.of("Basic")))
				.contains(ProvenanceActivity.VOUCHER_STATUS);
		assertThat(ProvenanceActivity.of("$batch-run", false, Set.of("Task"))).contains(ProvenanceActivity.BATCH_RUN);
		assertThat(ProvenanceActivity.of("Coverage/$renew", false, Set.of("Coverage"))).contains(ProvenanceActivity.RENEW);
	}

	@Test
	void anEnrolmentCountsOnlyWithAPolicy() {
		assertThat(ProvenanceActivity.of("Group/$enrol", false, Set.of("Group", "Patient", "Coverage")))
				.contains(ProvenanceActivity.ENROL);
		assertThat(ProvenanceActivity.of("Group/$enrol", false, Set.of("Group", "Patient"))).isEmpty();
	}

	@Test
	void plainWritesOfPoliciesAndContributionsCount() {
		// a contribution that activates its policy writes both: it is the contribution
		assertThat(ProvenanceActivity.of(null, false, Set.of("PaymentNotice", "Coverage")))
				.contains(ProvenanceActivity.CONTRIBUTION);
		assertThat(ProvenanceActivity.of(null, false, Set.of("Coverage"))).contains(ProvenanceActivity.POLICY_CHANGE);
		assertThat(ProvenanceActivity.of(null, false, Set.of("Patient", "Group"))).isEmpty();
		// a claim entered (not submitted) changes no money
		assertThat(ProvenanceActivity.of(null, false, Set.of("Claim"))).isEmpty();
		assertThat(ProvenanceActivity.of("Group/$add-member", false, Set.of("Patient", "Group"))).isEmpty();
	}

	@Test
	void theServersOwnClaimAndStatementWritesAreTheBatchRun() {
		assertThat(ProvenanceActivity.of(null, true, Set.of("Claim", "Task"))).contains(ProvenanceActivity.BATCH_RUN);
		assertThat(ProvenanceActivity.of(null, true, Set.of("PaymentReconciliation"))).contains(ProvenanceActivity.BATCH_RUN);
		assertThat(ProvenanceActivity.of(null, true, Set.of("Task"))).isEmpty();
		assertThat(ProvenanceActivity.of(null, true, Set.of("Coverage"))).contains(ProvenanceActivity.POLICY_CHANGE);
		assertThat(ProvenanceActivity.of(null, true, Set.of())).isEqualTo(Optional.empty());
	}
}
