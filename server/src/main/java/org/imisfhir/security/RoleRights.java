package org.imisfhir.security;

import static org.imisfhir.security.Access.DELETE;
import static org.imisfhir.security.Access.READ;
import static org.imisfhir.security.Access.WRITE;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The rights of each openIMIS role (openIMIS tblRoleRight, domain reference §2.10) translated to FHIR
 * resource types and operations. docs/security.md shows this table; RoleRightsTest pins it.
 */
public final class RoleRights {

	/** Families, insurees, policies, contributions. */
	public static final Set<String> ENROLMENT = Set.of("Patient", "Group", "Coverage", "PaymentNotice");
	/** Eligibility enquiries and their answers. */
	public static final Set<String> ENQUIRY = Set.of("CoverageEligibilityRequest", "CoverageEligibilityResponse");
	public static final Set<String> CLAIMS = Set.of("Claim", "ClaimResponse");
	/** Claim feedback: the request for feedback and the feedback delivered. */
	public static final Set<String> FEEDBACK = Set.of("CommunicationRequest", "Communication");
	/** Batch runs (Task) and the payments they produce. */
	public static final Set<String> PAYMENTS = Set.of("PaymentReconciliation", "Task");
	/** The scheme administrator's registers: facilities, payers, officers, products, services, items, price lists. */
	public static final Set<String> REGISTERS = Set.of(
			"Organization", "Practitioner", "PractitionerRole", "InsurancePlan", "ActivityDefinition", "Medication",
			"ChargeItemDefinition", "PlanDefinition", "HealthcareService");
	public static final Set<String> LOCATIONS = Set.of("Location");
	/** Profiles, operations and terminology. */
	public static final Set<String> CONFORMANCE = Set.of(
			"StructureDefinition", "CodeSystem", "ValueSet", "ConceptMap", "SearchParameter", "OperationDefinition",
			"NamingSystem", "ImplementationGuide", "CapabilityStatement", "Measure");
	/**
	 * FHIR Subscriptions (notifications to another system). A user subscribes only to types they may read,
	 * within their districts or facility, and sees only the Subscriptions they created (decision 0023).
	 */
	public static final Set<String> SUBSCRIPTIONS = Set.of("Subscription");
	/** The audit trail: written by the server only, never through the API. */
	public static final Set<String> AUDIT = Set.of("AuditEvent", "Provenance");

	/** Family and policy operations of enrolment officers and clerks. */
	public static final Set<String> ENROLMENT_OPERATIONS = Set.of(
			"Group/$enrol", "Group/$add-member", "Group/$change-head", "Group/$remove-member", "Group/$move-member",
			"Group/$move", "Coverage/$renew", "InsurancePlan/$quote", "Group/$sync", "Practitioner/$allocate-temporary-numbers",
			"Patient/$change-status");
	/** Eligibility at the point of care. */
	public static final Set<String> ELIGIBILITY = Set.of("CoverageEligibilityRequest/$submit");
	/** Finding an insuree from an MPI or EMR: $match and the identifier cross-reference. */
	public static final Set<String> MPI_LOOKUP = Set.of("Patient/$match", "Patient/$ihe-pix");
	/** Correcting who an insuree is: linking numbers and merging duplicates. */
	public static final Set<String> MPI_LINKAGE = Set.of(
			"Patient/$link-identifier", "Patient/$unlink-identifier", "Patient/$merge-insuree");
	/** Operations any signed-in user may call on any type: validation and terminology look-ups. */
	public static final Set<String> COMMON_OPERATIONS = Set.of(
			"$validate", "$expand", "$lookup", "$validate-code", "$subsumes", "$translate");

	/**
	 * Bulk export (FHIR Bulk Data Access) for warehouses and HMIS: start it at system, Patient or Group level,
	 * follow it, and fetch its NDJSON files (Binary, only the exporting user's). What it holds is further limited
	 * to the types the role reads, within the user's districts (BulkExportScopeInterceptor).
	 */
	public static final Set<String> BULK_EXPORT = Set.of("$export", "Patient/$export", "Group/$export", "$export-poll-status");
	/**
	 * Duplicate management of health vouchers (Cameroon SOP): a voucher's status change, also of a used voucher,
	 * which also asks for a fresh sign-in (VoucherProvider).
	 */
	public static final Set<String> VOUCHER_MANAGEMENT = Set.of("Basic/$set-voucher-status");
	/**
	 * The listing of duplicate and suspicious vouchers (Cameroon SOP), read-only: the voucher manager works from it,
	 * the manager follows the programme with it.
	 */
	public static final String VOUCHER_DUPLICATES = "Basic/$voucher-duplicates";
	/** The monthly HMIS indicator feed (MeasureReport per district). */
	public static final String HMIS_INDICATORS = "MeasureReport/$hmis-indicators";
	/** The monthly report of a country programme (MeasureReport per facility and for the programme). */
	public static final String PROGRAMME_REPORT = "MeasureReport/$programme-report";

	private static final Map<ImisRole, Rights> TABLE = table();

	private RoleRights() {}

	/** The rights of one role. */
	public static Rights of(ImisRole role) {
		return TABLE.get(role);
	}

	/** What a user holding these roles may do: the union of their rights; nothing without a role. */
	public static Rights of(Collection<ImisRole> roles) {
		Rights rights = Rights.NONE;
		for (ImisRole role : roles) {
			rights = rights.union(of(role));
		}
		return rights;
	}

	private static Map<ImisRole, Rights> table() {
		Map<ImisRole, Rights> table = new EnumMap<>(ImisRole.class);
		// 101001-101304 family/insuree/policy/contribution, 101105 enquire, 111001 claim search, 111009 feedback
		table.put(ImisRole.ENROLMENT_OFFICER, referenceData()
				.grant(ENROLMENT, READ, WRITE, DELETE)
				.grant("CoverageEligibilityRequest", READ, WRITE).grant("CoverageEligibilityResponse", READ)
				.grant(CLAIMS, READ)
				.grant("CommunicationRequest", READ).grant("Communication", READ, WRITE)
				.grant("Basic", READ)
				.operations(ENROLMENT_OPERATIONS)
				.operations(ELIGIBILITY)
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(MPI_LOOKUP)
				.build());
		// enquire and reports
		table.put(ImisRole.MANAGER, referenceData()
				.grant(ENROLMENT, READ)
				.grant("CoverageEligibilityRequest", READ, WRITE).grant("CoverageEligibilityResponse", READ)
				.grant(CLAIMS, READ)
				.grant(PAYMENTS, READ)
				.operations(ELIGIBILITY)
				.operations("Task/$payment-report")
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(BULK_EXPORT).grant("Binary", READ)
				.operations(HMIS_INDICATORS)
				.operations(PROGRAMME_REPORT)
				.operations(VOUCHER_DUPLICATES)
				.build());
		// read families, insurees and policies; payments 1014xx; batch run 111101-111103
		table.put(ImisRole.ACCOUNTANT, referenceData()
				.grant(ENROLMENT, READ)
				.grant(CLAIMS, READ)
				.grant(PAYMENTS, READ, WRITE)
				.operations("$batch-run", "Task/$batch-run-cancel", "Task/$payment-export", "Task/$payment-report")
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(HMIS_INDICATORS)
				.build());
		// family, insuree, policy and contribution full CRUD, no claims
		table.put(ImisRole.CLERK, referenceData()
				.grant(ENROLMENT, READ, WRITE, DELETE)
				.grant("Basic", READ)
				.operations(ENROLMENT_OPERATIONS)
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(MPI_LOOKUP)
				.build());
		// 111001 search, 111008 review, 111009/111010 feedback, 111011 process
		table.put(ImisRole.MEDICAL_OFFICER, referenceData()
				.grant(CLAIMS, READ)
				.grant("Patient", READ).grant("Coverage", READ)
				.grant("CommunicationRequest", READ, WRITE).grant("Communication", READ)
				.operations("Claim/$review", "Claim/$process", "Claim/$return", "Claim/$select", "Claim/$bypass")
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(MPI_LOOKUP)
				.build());
		// 121xxx, 1221xx registers, 1310xx-1311xx tools
		table.put(ImisRole.SCHEME_ADMINISTRATOR, referenceData()
				.grant(REGISTERS, READ, WRITE, DELETE)
				.grant("Basic", READ, WRITE)
				.operations("$import-catalogue", "Basic/$import-vouchers")
				.operations(MPI_LINKAGE)
				.build());
		// 1219xx locations; users and roles live in Keycloak; the audit trail; the openIMIS migration (a tool)
		table.put(ImisRole.IMIS_ADMINISTRATOR, referenceData()
				.grant(LOCATIONS, READ, WRITE, DELETE)
				.grant(CONFORMANCE, READ, WRITE, DELETE)
				.grant(AUDIT, READ)
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations("$import-openimis")
				.operations(MPI_LINKAGE)
				.build());
		// 101001, 101101, 101105, 101201: enquire and search only
		table.put(ImisRole.RECEPTIONIST, referenceData()
				.grant("Patient", READ).grant("Group", READ).grant("Coverage", READ)
				.grant("CoverageEligibilityRequest", READ, WRITE).grant("CoverageEligibilityResponse", READ)
				.operations(ELIGIBILITY)
				.operations(MPI_LOOKUP)
				.build());
		// claim search, create, delete, load, print, submit (111001-111012 subset), enquire
		table.put(ImisRole.CLAIM_ADMINISTRATOR, referenceData()
				.grant("Claim", READ, WRITE, DELETE).grant("ClaimResponse", READ)
				.grant("Patient", READ).grant("Coverage", READ)
				.grant("CoverageEligibilityRequest", READ, WRITE).grant("CoverageEligibilityResponse", READ)
				.grant("CommunicationRequest", READ)
				.operations("Claim/$submit", "Claim/$restore")
				.operations(ELIGIBILITY)
				.grant(SUBSCRIPTIONS, READ, WRITE, DELETE)
				.operations(MPI_LOOKUP)
				.build());
		// 111001 search, 111002 create, 111005 load
		table.put(ImisRole.CLAIM_CONTRIBUTOR, referenceData()
				.grant("Claim", READ, WRITE).grant("ClaimResponse", READ)
				.build());
		// grants beside an openIMIS role: what they add is seeing (and, for the manager, relabelling) sensitive data
		table.put(ImisRole.SENSITIVE_DATA_READER, referenceData().build());
		table.put(ImisRole.SENSITIVE_DATA_MANAGER, referenceData().build());
		// the SOP's dedicated role: reads the vouchers, lists their duplicates, changes their status (also of a used voucher)
		table.put(ImisRole.VOUCHER_MANAGER, referenceData()
				.grant("Basic", READ)
				.operations(VOUCHER_MANAGEMENT)
				.operations(VOUCHER_DUPLICATES)
				.build());
		return table;
	}

	/** Every role reads the reference data front-ends need: registers, locations, profiles and terminology. */
	private static Rights.Builder referenceData() {
		return Rights.builder()
				.grant(REGISTERS, READ)
				.grant(LOCATIONS, READ)
				.grant(CONFORMANCE, READ)
				.operations(COMMON_OPERATIONS);
	}
}
