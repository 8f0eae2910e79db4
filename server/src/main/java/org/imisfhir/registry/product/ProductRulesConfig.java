package org.imisfhir.registry.product;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.enrolment.rules.ThresholdWithoutLumpSumRule;
import org.imisfhir.payment.rules.RelativeDistributionValidator;
import org.imisfhir.registry.product.rules.ProductConsistencyRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the product rules on HAPI's storage-wide interceptor service. */
@Configuration
public class ProductRulesConfig {

	@Bean
	public ProductConsistencyInterceptor productConsistencyInterceptor(
			IInterceptorService interceptorService, ImisProperties properties) {
		boolean mustSumToOne = properties.getProducts().isDistributionSumsToOne();
		ProductConsistencyInterceptor interceptor = new ProductConsistencyInterceptor(
				new ProductConsistencyRule(new RelativeDistributionValidator(mustSumToOne),
						new ThresholdWithoutLumpSumRule(properties.getProducts().isRefuseThresholdWithoutLumpSum())));
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}
}
