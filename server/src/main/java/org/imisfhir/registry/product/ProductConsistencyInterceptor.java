package org.imisfhir.registry.product;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.product.rules.ProductConsistencyRule;
import org.imisfhir.registry.product.rules.ProductProblem;

/**
 * Refuses a contradictory product on every write (REST, transaction entry, our own operations):
 * 422 with the precise code of the first problem found; nothing is stored. Runs before profile
 * validation so that a contradiction the base specification also forbids (a period ending before
 * it starts, FHIR invariant per-1) gets its precise product code; the mapper is lenient, so a
 * product of the wrong shape passes here and is refused by the profile.
 */
@Interceptor
public class ProductConsistencyInterceptor {

	/** Before ProfileEnforcingInterceptor (order 0). */
	static final int ORDER = -10;

	private final ProductConsistencyRule rule;

	public ProductConsistencyInterceptor(ProductConsistencyRule rule) {
		this.rule = rule;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void created(IBaseResource resource) {
		check(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void updated(IBaseResource previous, IBaseResource resource) {
		check(resource);
	}

	void check(IBaseResource resource) {
		if (!(resource instanceof InsurancePlan plan)) {
			return;
		}
		List<ProductProblem> problems = rule.check(InsurancePlanMapper.toProduct(plan));
		if (!problems.isEmpty()) {
			ProductProblem first = problems.get(0);
			throw ImisRuleException.businessRule(first.violation(), first.arguments().toArray());
		}
	}
}
