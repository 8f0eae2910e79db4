package org.imisfhir.security;

import java.util.Optional;

/**
 * The openIMIS system roles (seed 001, tblRole), each carried as a Keycloak realm role of the same
 * kebab-case name in the token's {@code realm_access.roles}.
 */
public enum ImisRole {
	ENROLMENT_OFFICER("enrolment-officer", "Enrolment Officer"),
	MANAGER("manager", "Manager"),
	ACCOUNTANT("accountant", "Accountant"),
	CLERK("clerk", "Clerk"),
	MEDICAL_OFFICER("medical-officer", "Medical Officer"),
	SCHEME_ADMINISTRATOR("scheme-administrator", "Scheme Administrator"),
	IMIS_ADMINISTRATOR("imis-administrator", "IMIS Administrator"),
	RECEPTIONIST("receptionist", "Receptionist"),
	CLAIM_ADMINISTRATOR("claim-administrator", "Claim Administrator"),
	CLAIM_CONTRIBUTOR("claim-contributor", "Claim Contributor"),
	/** A grant beside an openIMIS role: sees the data of sensitive programmes (Cameroon: HIV). */
	SENSITIVE_DATA_READER("sensitive-data-reader", "Sensitive data reader"),
	/** Sees sensitive data and may add or remove an insuree's sensitive identifiers, with a reason. */
	SENSITIVE_DATA_MANAGER("sensitive-data-manager", "Sensitive data manager"),
	/** Not an openIMIS role: the Cameroon SOP's duplicate management of health vouchers (chèques santé). */
	VOUCHER_MANAGER("voucher-manager", "Voucher Manager");

	/** CodeSystem of the role codes, used in AuditEvent.agent.role. */
	public static final String SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/imis-role";

	private final String code;
	private final String display;

	ImisRole(String code, String display) {
		this.code = code;
		this.display = display;
	}

	/** The Keycloak realm role name. */
	public String code() {
		return code;
	}

	public String display() {
		return display;
	}

	/** The role of a Keycloak realm role name or an enum name (any case); empty for roles that are not ours. */
	public static Optional<ImisRole> fromCode(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String trimmed = value.trim();
		for (ImisRole role : values()) {
			if (role.code.equalsIgnoreCase(trimmed) || role.name().equalsIgnoreCase(trimmed)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
