package org.imisfhir.claim;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.imisfhir.claim.rules.Product;
import org.imisfhir.enrolment.ProductLookup;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.imisfhir.registry.product.rules.ClaimProductReader;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products as the claim rules read them, by product code. Every claim and eligibility enquiry needs the
 * products of the insuree's policies; reading and mapping the InsurancePlan each time costs a search and a
 * mapping. Entries are dropped when any InsurancePlan is written and after a minute at most (the second
 * bound covers a write whose transaction commits after a concurrent reader cached the old version).
 */
@Interceptor
public class ClaimProductCache {

	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private record Entry(Product product, long loadedAt) {}

	private final ProductLookup products;
	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	public ClaimProductCache(ProductLookup products) {
		this.products = products;
	}

	public Product product(String code) {
		long now = System.nanoTime();
		Entry entry = entries.get(code);
		if (entry == null || now - entry.loadedAt() > TIME_TO_LIVE.toNanos()) {
			entry = new Entry(ClaimProductReader.read(InsurancePlanMapper.toProduct(products.find(code))), now);
			entries.put(code, entry);
		}
		return entry.product();
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		forgetIfProduct(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		forgetIfProduct(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		forgetIfProduct(resource);
	}

	private void forgetIfProduct(IBaseResource resource) {
		if (resource instanceof InsurancePlan) {
			entries.clear();
		}
	}
}
