package org.imisfhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.Set;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.RoleRights;

/**
 * Audits every write and business operation on the FHIR endpoint: when the request arrives (before
 * authorization, so refusals are audited too) it notes who asks what; {@link AuditStorageInterceptor} adds
 * the resources written; when the request ends the record goes to the {@link AuditTrail} with the outcome.
 */
@Interceptor
public class AuditRequestInterceptor {

	/** Before the authorization interceptor, whose refusal would end the request. */
	static final int ORDER = -1000;

	/** Operations that change nothing and are not business steps. */
	static final Set<String> NOT_AUDITED_OPERATIONS = Set.copyOf(RoleRights.COMMON_OPERATIONS);

	private final AuditTrail trail;

	public AuditRequestInterceptor(AuditTrail trail) {
		this.trail = trail;
	}

	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = ORDER)
	public void begin(RequestDetails request, RestOperationTypeEnum operationType) {
		RequestAudit.end();
		String interaction = interaction(operationType, request.getOperation());
		if (interaction == null) {
			return;
		}
		String operation = null;
		if ("operation".equals(interaction)) {
			operation = request.getResourceName() == null
					? request.getOperation()
					: request.getResourceName() + "/" + request.getOperation();
		}
		ImisUser user = CurrentUser.get().orElse(null);
		RequestAudit.begin(new RequestAudit(user, address(request), interaction, operation, target(request), request));
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean failed(RequestDetails request, BaseServerResponseException exception) {
		RequestAudit audit = RequestAudit.current();
		if (audit != null) {
			audit.status = exception.getStatusCode();
			audit.outcomeText = exception.getMessage();
		}
		return true;
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void completed(RequestDetails request) {
		RequestAudit audit = RequestAudit.end();
		if (audit == null) {
			return;
		}
		ImisUser user = audit.user;
		trail.record(new AuditRecord(
				Instant.now(),
				user == null ? "anonymous" : user.username(),
				user == null ? Set.of() : user.roles(),
				user == null ? null : user.clientId(),
				audit.address,
				audit.interaction,
				audit.operation,
				audit.target,
				audit.succeededOrEmpty(),
				audit.status,
				audit.outcomeText,
				audit.reason,
				audit.details));
	}

	/** The audited interaction, or null for reads, searches and look-ups. */
	static String interaction(RestOperationTypeEnum type, String operationName) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case CREATE -> "create";
			case UPDATE -> "update";
			case PATCH -> "patch";
			case DELETE -> "delete";
			case TRANSACTION -> "transaction";
			case BATCH -> "batch";
			case META_ADD, META_DELETE -> "update";
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
					operationName != null && NOT_AUDITED_OPERATIONS.contains(operationName) ? null : "operation";
			default -> null;
		};
	}

	private static String target(RequestDetails request) {
		if (request.getId() != null && request.getId().hasIdPart()) {
			return request.getId().toUnqualifiedVersionless().getValue();
		}
		return request.getResourceName();
	}

	private static String address(RequestDetails request) {
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			return servlet.getServletRequest().getRemoteAddr();
		}
		return null;
	}
}
