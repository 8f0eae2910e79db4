package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Medication;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.catalogue.rules.CatalogueCodeRule;

/**
 * Refuses (422, code-too-long / code-missing) a medical service or item whose code breaks
 * {@link CatalogueCodeRule}, on every write: REST, transactions, imports.
 */
@Interceptor
public class CatalogueCodeInterceptor {

	private final CatalogueCodeRule rule;

	public CatalogueCodeInterceptor(CatalogueCodeRule rule) {
		this.rule = rule;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		check(resource);
	}

	private void check(IBaseResource resource) {
		if (resource instanceof ActivityDefinition service) {
			check(CatalogueCodes.code(service.getIdentifier(), CatalogueCodes.SERVICE_CODE));
		} else if (resource instanceof Medication item) {
			check(CatalogueCodes.code(item.getIdentifier(), CatalogueCodes.ITEM_CODE));
		}
	}

	private void check(String code) {
		rule.check(code).ifPresent(refusal -> {
			throw ImisRuleException.businessRule(refusal.violation(), refusal.arguments());
		});
	}
}
