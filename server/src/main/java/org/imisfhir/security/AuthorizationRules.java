package org.imisfhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Translates {@link Rights} into HAPI authorization rules: allow what the rights list, deny the rest. */
final class AuthorizationRules {

	private AuthorizationRules() {}

	/** A caller without a token (public paths): only the capability statement. */
	static List<IAuthRule> anonymous() {
		return new RuleBuilder()
				.allow("capability statement").metadata().andThen()
				.denyAll("not signed in")
				.build();
	}

	static List<IAuthRule> of(Rights rights, FhirContext fhirContext) {
		IAuthRuleBuilder rules = new RuleBuilder();
		rules.allow("capability statement").metadata();
		boolean writes = false;
		for (Map.Entry<String, Set<Access>> entry : rights.resources().entrySet()) {
			String type = entry.getKey();
			Set<Access> accesses = entry.getValue();
			if (accesses.contains(Access.READ)) {
				rules.allow("read " + type).read().resourcesOfType(type).withAnyId();
			}
			if (accesses.contains(Access.WRITE)) {
				writes = true;
				rules.allow("create " + type).create().resourcesOfType(type).withAnyId();
				rules.allow("update " + type).write().resourcesOfType(type).withAnyId();
			}
			if (accesses.contains(Access.DELETE)) {
				rules.allow("delete " + type).delete().resourcesOfType(type).withAnyId();
			}
		}
		if (writes) {
			// a patch is then checked like an update of its resource type
			rules.allow("patch").patch().allRequests();
		}
		if (!rights.resources().isEmpty()) {
			rules.allow("transaction").transaction().withAnyOperation().andApplyNormalRules();
		}
		for (String operation : rights.operations()) {
			int slash = operation.indexOf('/');
			if (slash < 0) {
				if (RoleRights.COMMON_OPERATIONS.contains(operation)) {
					rules.allow(operation).operation().named(operation).onAnyType().andAllowAllResponses();
					rules.allow(operation).operation().named(operation).onAnyInstance().andAllowAllResponses();
				}
				rules.allow(operation).operation().named(operation).onServer().andAllowAllResponses();
			} else {
				String type = operation.substring(0, slash);
				String name = operation.substring(slash + 1);
				Class<? extends IBaseResource> resourceClass = fhirContext.getResourceDefinition(type).getImplementingClass();
				rules.allow(operation).operation().named(name).onType(resourceClass).andAllowAllResponses();
				rules.allow(operation).operation().named(name).onInstancesOfType(resourceClass).andAllowAllResponses();
			}
		}
		if (rights.canInvoke("$export")) {
			// HAPI asks again when the export job starts; what it may hold is BulkExportScopeInterceptor's
			rules.allow("bulk export").bulkExport().any();
		}
		rules.denyAll("not in the rights of the user's roles");
		return rules.build();
	}
}
