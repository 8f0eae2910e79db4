package org.imisfhir.security;

import java.util.ArrayList;
import java.util.List;

/**
 * What each role may do, as the expected answer to one request per row: {@code A} the request passes
 * authorization (any status but 401/403: 200, 201, 404, or 400/422 for the deliberately empty bodies),
 * {@code -} it is refused with 403. Columns: the ten openIMIS roles, the voucher manager and a user holding none.
 * Shared by the token test (locally signed tokens) and the Keycloak test (the realm's demo users).
 */
public final class AuthorizationMatrix {

	/** Column order: role code, "none" for a user without role. */
	public static final List<String> COLUMNS = List.of(
			"enrolment-officer", "manager", "accountant", "clerk", "medical-officer", "scheme-administrator",
			"imis-administrator", "receptionist", "claim-administrator", "claim-contributor", "voucher-manager", "none");

	/** request | EO MGR ACC CLK MO SA IA REC CA CC VM none */
	static final String TABLE = """
			GET    Patient                         | A A A A A - - A A - - -
			POST   Patient                         | A - - A - - - - - - - -
			DELETE Patient/matrix-probe            | A - - A - - - - - - - -
			GET    Group                           | A A A A - - - A - - - -
			POST   Group                           | A - - A - - - - - - - -
			GET    Coverage                        | A A A A A - - A A - - -
			POST   Coverage                        | A - - A - - - - - - - -
			GET    PaymentNotice                   | A A A A - - - - - - - -
			POST   PaymentNotice                   | A - - A - - - - - - - -
			GET    Claim                           | A A A - A - - - A A - -
			POST   Claim                           | - - - - - - - - A A - -
			DELETE Claim/matrix-probe              | - - - - - - - - A - - -
			GET    ClaimResponse                   | A A A - A - - - A A - -
			POST   ClaimResponse                   | - - - - - - - - - - - -
			GET    CoverageEligibilityRequest      | A A - - - - - A A - - -
			POST   CoverageEligibilityRequest      | A A - - - - - A A - - -
			GET    CommunicationRequest            | A - - - A - - - A - - -
			POST   CommunicationRequest            | - - - - A - - - - - - -
			GET    PaymentReconciliation           | - A A - - - - - - - - -
			POST   PaymentReconciliation           | - - A - - - - - - - - -
			POST   Task                            | - - A - - - - - - - - -
			GET    Location                        | A A A A A A A A A A A -
			POST   Location                        | - - - - - - A - - - - -
			DELETE Location/matrix-probe           | - - - - - - A - - - - -
			GET    Organization                    | A A A A A A A A A A A -
			POST   Organization                    | - - - - - A - - - - - -
			POST   InsurancePlan                   | - - - - - A - - - - - -
			POST   ActivityDefinition              | - - - - - A - - - - - -
			GET    CodeSystem                      | A A A A A A A A A A A -
			POST   ValueSet                        | - - - - - - A - - - - -
			GET    AuditEvent                      | - - - - - - A - - - - -
			POST   AuditEvent                      | - - - - - - - - - - - -
			DELETE AuditEvent/matrix-probe         | - - - - - - - - - - - -
			GET    Provenance                      | - - - - - - A - - - - -
			GET    Subscription                    | A A A A A - A - A - - -
			POST   Subscription                    | A A A A A - A - A - - -
			DELETE Subscription/matrix-probe       | A A A A A - A - A - - -
			POST   Group/$enrol                    | A - - A - - - - - - - -
			POST   InsurancePlan/$quote            | A - - A - - - - - - - -
			POST   Coverage/matrix-probe/$renew    | A - - A - - - - - - - -
			POST   Group/matrix-probe/$add-member  | A - - A - - - - - - - -
			POST   Group/$sync                     | A - - A - - - - - - - -
			POST   Patient/matrix-probe/$change-status | A - - A - - - - - - - -
			POST   Practitioner/matrix-probe/$allocate-temporary-numbers | A - - A - - - - - - - -
			POST   $import-catalogue               | - - - - - A - - - - - -
			POST   $import-openimis                | - - - - - - A - - - - -
			POST   $export                         | - A - - - - - - - - - -
			POST   Group/matrix-probe/$export      | - A - - - - - - - - - -
			POST   MeasureReport/$hmis-indicators  | - A A - - - - - - - - -
			POST   MeasureReport/$programme-report | - A - - - - - - - - - -
			POST   Patient/$validate               | A A A A A A A A A A A -
			POST   Patient/$match                  | A - - A A - - A A - - -
			POST   Patient/$merge-insuree          | - - - - - A A - - - - -
			GET    Basic                           | A - - A - A - - - - A -
			POST   Basic/$import-vouchers          | - - - - - A - - - - - -
			POST   Basic/matrix-probe/$set-voucher-status | - - - - - - - - - - A -
			GET    Basic/$voucher-duplicates       | - A - - - - - - - - A -
			POST   Basic/$voucher-duplicates       | - A - - - - - - - - A -
			POST   (transaction of one Location)   | - - - - - - A - - - - -
			""";

	private AuthorizationMatrix() {}

	/** One request of the table and whether each column may make it. */
	public record Row(String method, String path, List<Boolean> allowed) {

		public boolean allowedFor(String column) {
			return allowed.get(COLUMNS.indexOf(column));
		}

		public boolean isTransaction() {
			return path.startsWith("(transaction");
		}

		/** The body sent: an empty resource or Parameters (refused after authorization), or a transaction. */
		public String body() {
			if (isTransaction()) {
				return """
						{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Location"},
						"request":{"method":"POST","url":"Location"}}]}""";
			}
			if (path.contains("$")) {
				return "{\"resourceType\":\"Parameters\"}";
			}
			return "{\"resourceType\":\"" + path.split("/")[0] + "\"}";
		}

		/** The path under /fhir. */
		public String fhirPath() {
			if (isTransaction()) {
				return "";
			}
			return method.equals("GET") ? path + "?_count=1" : path;
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	public static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (String line : TABLE.strip().split("\n")) {
			String[] sides = line.split("\\|");
			String request = sides[0].trim();
			int space = request.indexOf(' ');
			String method = request.substring(0, space);
			String path = request.substring(space).trim();
			List<Boolean> allowed = new ArrayList<>();
			for (String cell : sides[1].trim().split("\\s+")) {
				allowed.add(cell.equals("A"));
			}
			if (allowed.size() != COLUMNS.size()) {
				throw new IllegalStateException("Row '" + request + "' has " + allowed.size() + " cells");
			}
			rows.add(new Row(method, path, allowed));
		}
		return rows;
	}

	/** Sends a request of the table and answers its HTTP status. */
	@FunctionalInterface
	public interface Client {
		int send(String column, Row row) throws Exception;
	}

	/** Runs every cell; answers the cells whose answer differs from the table (empty when all match). */
	/**
	 * The operation that also needs a fresh sign-in: a role allowed it may get the step-up challenge (401
	 * insufficient_user_authentication) instead, as a real Keycloak's password-grant token carries no auth_time.
	 */
	static final String FRESH_SIGN_IN = "$set-voucher-status";

	public static List<String> mismatches(Client client) throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Row row : rows()) {
			for (String column : COLUMNS) {
				int status = client.send(column, row);
				boolean allowed = row.allowedFor(column);
				boolean ok = allowed
						? status != 403 && status < 500 && (status != 401 || row.fhirPath().contains(FRESH_SIGN_IN))
						: status == 403;
				if (!ok) {
					mismatches.add(column + " " + row + ": expected " + (allowed ? "allowed" : "403") + ", got " + status);
				}
			}
		}
		return mismatches;
	}
}
