package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.security.Access.DELETE;
import static org.imisfhir.security.Access.READ;
import static org.imisfhir.security.Access.WRITE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleRightsTest {

	@Test
	void everyRoleHasRights() {
		for (ImisRole role : ImisRole.values()) {
			assertThat(RoleRights.of(role)).as(role.code()).isNotNull();
			assertThat(RoleRights.of(role).can("Location", READ)).as(role + " reads reference data").isTrue();
		}
	}

	@Test
	void theClaimWorkflowIsSplitBetweenTheFacilityAndTheMedicalOfficer() {
		Rights facility = RoleRights.of(ImisRole.CLAIM_ADMINISTRATOR);
		Rights medical = RoleRights.of(ImisRole.MEDICAL_OFFICER);
		assertThat(facility.canInvoke("Claim/$restore")).isTrue();
		assertThat(facility.canInvoke("Claim/$return")).isFalse();
		for (String operation : new String[] {"Claim/$return", "Claim/$select", "Claim/$bypass"}) {
			assertThat(medical.canInvoke(operation)).as(operation).isTrue();
		}
		assertThat(RoleRights.of(ImisRole.RECEPTIONIST).canInvoke("CoverageEligibilityRequest/$submit")).isTrue();
		assertThat(RoleRights.of(ImisRole.CLAIM_CONTRIBUTOR).canInvoke("CoverageEligibilityRequest/$submit")).isFalse();
	}

	@Test
	void onlyTheVoucherManagerChangesVouchersAndListsTheirDuplicates() {
		for (ImisRole role : ImisRole.values()) {
			for (String operation : RoleRights.VOUCHER_MANAGEMENT) {
				assertThat(RoleRights.of(role).canInvoke(operation)).as(role + " " + operation)
						.isEqualTo(role == ImisRole.VOUCHER_MANAGER);
			}
		}
		Rights manager = RoleRights.of(ImisRole.VOUCHER_MANAGER);
		assertThat(manager.can("Basic", READ)).isTrue();
		assertThat(manager.can("Basic", WRITE)).as("changes go through the operation only").isFalse();
		assertThat(manager.canInvoke("Basic/$import-vouchers")).isFalse();
		assertThat(manager.can("Claim", READ)).isFalse();
		assertThat(RoleRights.of(ImisRole.SCHEME_ADMINISTRATOR).canInvoke("Basic/$import-vouchers")).isTrue();
		for (ImisRole role : ImisRole.values()) {
			assertThat(RoleRights.of(role).canInvoke(RoleRights.VOUCHER_DUPLICATES)).as(role + " lists duplicates")
					.isEqualTo(role == ImisRole.VOUCHER_MANAGER || role == ImisRole.MANAGER);
		}
	}

	@Test
	void claimAndEnrolmentRolesFindInsureesAndOnlyAdministratorsLinkOrMergeThem() {
		for (ImisRole role : ImisRole.values()) {
			boolean finds = EnumSet.of(ImisRole.ENROLMENT_OFFICER, ImisRole.CLERK, ImisRole.MEDICAL_OFFICER,
					ImisRole.RECEPTIONIST, ImisRole.CLAIM_ADMINISTRATOR).contains(role);
			boolean links = EnumSet.of(ImisRole.SCHEME_ADMINISTRATOR, ImisRole.IMIS_ADMINISTRATOR).contains(role);
			assertThat(RoleRights.of(role).canInvoke("Patient/$match")).as(role + " $match").isEqualTo(finds);
			assertThat(RoleRights.of(role).canInvoke("Patient/$ihe-pix")).as(role + " $ihe-pix").isEqualTo(finds);
			for (String operation : RoleRights.MPI_LINKAGE) {
				assertThat(RoleRights.of(role).canInvoke(operation)).as(role + " " + operation).isEqualTo(links);
			}
		}
	}

	@Test
	void onlyTheManagerReadsTheProgrammeReport() {
		for (ImisRole role : ImisRole.values()) {
			assertThat(RoleRights.of(role).canInvoke(RoleRights.PROGRAMME_REPORT)).as(role.code())
					.isEqualTo(role == ImisRole.MANAGER);
		}
	}

	@Test
	void theSensitiveDataGrantsAddNoTypeOrOperationToTheReferenceData() {
		Rights referenceData = RoleRights.of(ImisRole.SENSITIVE_DATA_READER);
		assertThat(RoleRights.of(ImisRole.SENSITIVE_DATA_MANAGER).resources()).isEqualTo(referenceData.resources());
		assertThat(referenceData.can("Patient", READ)).isFalse();
		assertThat(referenceData.canInvoke("Patient/$link-identifier")).isFalse();
	}

	@Test
	void noRoleNoRights() {
		Rights none = RoleRights.of(Set.of());
		assertThat(none.resources()).isEmpty();
		assertThat(none.operations()).isEmpty();
	}

	@Test
	void nobodyWritesTheAuditTrailAndOnlyTheImisAdministratorReadsIt() {
		Rights all = RoleRights.of(EnumSet.allOf(ImisRole.class));
		for (String type : RoleRights.AUDIT) {
			assertThat(all.can(type, WRITE)).as(type).isFalse();
			assertThat(all.can(type, DELETE)).as(type).isFalse();
			for (ImisRole role : ImisRole.values()) {
				assertThat(RoleRights.of(role).can(type, READ)).as(role + " reads " + type)
						.isEqualTo(role == ImisRole.IMIS_ADMINISTRATOR);
			}
		}
	}

	@Test
	void claimContributorCreatesAndSearchesClaimsButDoesNotSubmitOrDelete() {
		Rights rights = RoleRights.of(ImisRole.CLAIM_CONTRIBUTOR);
		assertThat(rights.can("Claim", READ)).isTrue();
		assertThat(rights.can("Claim", WRITE)).isTrue();
		assertThat(rights.can("Claim", DELETE)).isFalse();
		assertThat(rights.canInvoke("Claim/$submit")).isFalse();
		assertThat(rights.can("Patient", READ)).isFalse();
	}

	@Test
	void claimAdministratorSubmitsAndDeletesClaims() {
		Rights rights = RoleRights.of(ImisRole.CLAIM_ADMINISTRATOR);
		assertThat(rights.canInvoke("Claim/$submit")).isTrue();
		assertThat(rights.can("Claim", DELETE)).isTrue();
		assertThat(rights.canInvoke("Claim/$review")).isFalse();
		assertThat(rights.can("Group", WRITE)).isFalse();
	}

	@Test
	void medicalOfficerReviewsAndProcessesButDoesNotEnterClaims() {
		Rights rights = RoleRights.of(ImisRole.MEDICAL_OFFICER);
		assertThat(rights.canInvoke("Claim/$review")).isTrue();
		assertThat(rights.canInvoke("Claim/$process")).isTrue();
		assertThat(rights.can("Claim", READ)).isTrue();
		assertThat(rights.can("Claim", WRITE)).isFalse();
		assertThat(rights.canInvoke("Claim/$submit")).isFalse();
	}

	@Test
	void accountantRunsBatchesAndReadsEnrolment() {
		Rights rights = RoleRights.of(ImisRole.ACCOUNTANT);
		assertThat(rights.canInvoke("$batch-run")).isTrue();
		assertThat(rights.can("PaymentReconciliation", WRITE)).isTrue();
		for (String type : RoleRights.ENROLMENT) {
			assertThat(rights.can(type, READ)).as(type).isTrue();
			assertThat(rights.can(type, WRITE)).as(type).isFalse();
		}
	}

	@Test
	void receptionistOnlyEnquires() {
		Rights rights = RoleRights.of(ImisRole.RECEPTIONIST);
		assertThat(rights.can("Patient", READ)).isTrue();
		assertThat(rights.can("Coverage", READ)).isTrue();
		assertThat(rights.can("CoverageEligibilityRequest", WRITE)).isTrue();
		rights.resources().forEach((type, accesses) -> {
			if (!type.equals("CoverageEligibilityRequest")) {
				assertThat(accesses).as(type).containsOnly(READ);
			}
		});
		java.util.Set<String> enquiry = new java.util.HashSet<>(RoleRights.COMMON_OPERATIONS);
		enquiry.addAll(RoleRights.ELIGIBILITY);
		// finding the insuree in front of them: $match and the identifier cross-reference
		enquiry.addAll(RoleRights.MPI_LOOKUP);
		assertThat(rights.operations()).containsExactlyInAnyOrderElementsOf(enquiry);
	}

	@Test
	void enrolmentOfficerAndClerkEnrolButClerkSeesNoClaims() {
		for (ImisRole role : List.of(ImisRole.ENROLMENT_OFFICER, ImisRole.CLERK)) {
			Rights rights = RoleRights.of(role);
			assertThat(rights.operations()).containsAll(RoleRights.ENROLMENT_OPERATIONS);
			for (String type : RoleRights.ENROLMENT) {
				assertThat(rights.can(type, WRITE)).as(role + " " + type).isTrue();
			}
		}
		assertThat(RoleRights.of(ImisRole.ENROLMENT_OFFICER).can("Claim", READ)).isTrue();
		assertThat(RoleRights.of(ImisRole.CLERK).can("Claim", READ)).isFalse();
	}

	@Test
	void registersBelongToTheSchemeAdministratorAndLocationsToTheImisAdministrator() {
		Rights scheme = RoleRights.of(ImisRole.SCHEME_ADMINISTRATOR);
		Rights imis = RoleRights.of(ImisRole.IMIS_ADMINISTRATOR);
		for (String type : RoleRights.REGISTERS) {
			assertThat(scheme.can(type, WRITE)).as(type).isTrue();
			assertThat(imis.can(type, WRITE)).as(type).isFalse();
		}
		assertThat(scheme.canInvoke("$import-catalogue")).isTrue();
		assertThat(imis.canInvoke("$import-openimis")).isTrue();
		assertThat(scheme.canInvoke("$import-openimis")).isFalse();
		assertThat(scheme.can("Location", WRITE)).isFalse();
		assertThat(imis.can("Location", WRITE)).isTrue();
		assertThat(imis.can("CodeSystem", WRITE)).isTrue();
	}

	@Test
	void severalRolesAddUp() {
		Rights both = RoleRights.of(EnumSet.of(ImisRole.RECEPTIONIST, ImisRole.CLAIM_CONTRIBUTOR));
		assertThat(both.can("Patient", READ)).isTrue();
		assertThat(both.can("Claim", WRITE)).isTrue();
		assertThat(both.can("Patient", WRITE)).isFalse();
	}

	@Test
	void roleCodesAreTheKeycloakRealmRoleNames() {
		assertThat(ImisRole.fromCode("claim-administrator")).contains(ImisRole.CLAIM_ADMINISTRATOR);
		assertThat(ImisRole.fromCode("CLAIM_ADMINISTRATOR")).contains(ImisRole.CLAIM_ADMINISTRATOR);
		assertThat(ImisRole.fromCode("offline_access")).isEmpty();
		assertThat(ImisRole.fromCode(null)).isEmpty();
	}

	@Test
	void subscriptionsAreForTheRolesThatFollowEventsNotForTheFrontDesk() {
		for (ImisRole role : ImisRole.values()) {
			boolean subscribes = !List.of(ImisRole.RECEPTIONIST, ImisRole.CLAIM_CONTRIBUTOR, ImisRole.SCHEME_ADMINISTRATOR,
					ImisRole.SENSITIVE_DATA_READER, ImisRole.SENSITIVE_DATA_MANAGER, ImisRole.VOUCHER_MANAGER).contains(role);
			for (Access access : Access.values()) {
				assertThat(RoleRights.of(role).can("Subscription", access)).as(role + " " + access).isEqualTo(subscribes);
			}
		}
	}
}
