package org.imisfhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Decides what the signed-in user (Spring Security's context, see {@link CurrentUser}) may do on the FHIR
 * endpoint, from the rights of their roles ({@link RoleRights}). A refusal is a 403 OperationOutcome with
 * the precise reason. Work the server does on its own behalf (system request details) is not checked.
 */
@Interceptor
public class RoleAuthorizationInterceptor extends AuthorizationInterceptor {

	private final FhirContext fhirContext;
	private final Map<Set<ImisRole>, List<IAuthRule>> rulesByRoles = new ConcurrentHashMap<>();
	private final List<IAuthRule> anonymousRules = AuthorizationRules.anonymous();

	public RoleAuthorizationInterceptor(FhirContext fhirContext) {
		super(PolicyEnum.DENY);
		this.fhirContext = fhirContext;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		Optional<ImisUser> user = CurrentUser.get();
		if (user.isEmpty()) {
			return anonymousRules;
		}
		return rulesByRoles.computeIfAbsent(
				user.get().roles(), roles -> AuthorizationRules.of(RoleRights.of(roles), fhirContext));
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict verdict) {
		Optional<ImisUser> user = CurrentUser.get();
		if (user.isEmpty()) {
			throw new ImisRuleException(ErrorCode.UNAUTHENTICATED, null);
		}
		ImisUser who = user.get();
		if (who.roles().isEmpty()) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.NO_ROLE, who.username());
		}
		String type = request == null ? null : request.getResourceName();
		RestOperationTypeEnum operation = request == null ? null : request.getRestOperationType();
		if (type != null && RoleRights.AUDIT.contains(type) && operation != null && isWrite(operation)) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.AUDIT_READ_ONLY);
		}
		throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.ROLE_NOT_ALLOWED,
				who.username(), who.roles().stream().map(ImisRole::code).sorted().toList(),
				action(request), target(request));
	}

	private static boolean isWrite(RestOperationTypeEnum operation) {
		return switch (operation) {
			case CREATE, UPDATE, PATCH, DELETE -> true;
			default -> false;
		};
	}

	/** What was asked, in the terms of the FHIR interactions: create, read, search-type, $enrol... */
	static String action(RequestDetails request) {
		if (request == null || request.getRestOperationType() == null) {
			return "request";
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
				|| operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
				|| operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE) {
			return "call " + request.getOperation();
		}
		return operation.getCode();
	}

	static String target(RequestDetails request) {
		if (request == null) {
			return "";
		}
		if (request.getId() != null && request.getId().hasIdPart()) {
			return request.getId().toUnqualifiedVersionless().getValue();
		}
		return request.getResourceName() == null ? "" : request.getResourceName();
	}
}
