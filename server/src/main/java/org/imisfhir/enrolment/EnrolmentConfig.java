package org.imisfhir.enrolment;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.Set;
import org.imisfhir.app.EnrolmentProperties;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.enrolment.rules.ActivationOption;
import org.imisfhir.enrolment.rules.InsuranceNumberGenerator;
import org.imisfhir.enrolment.rules.InsuranceNumberRule;
import org.imisfhir.enrolment.rules.TemporaryNumberFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the enrolment rules on every write path, with the country's insurance-number settings. */
@Configuration
public class EnrolmentConfig {

	@Bean
	public InsuranceNumberRule insuranceNumberRule(ImisProperties properties) {
		EnrolmentProperties.InsuranceNumber settings = properties.getEnrolment().getInsuranceNumber();
		return new InsuranceNumberRule(settings.getLength(), settings.getModuloRoot(), Set.copyOf(settings.getReserved()),
				properties.getEnrolment().getTemporaryNumbers().getPrefix());
	}

	@Bean
	public TemporaryNumberFormat temporaryNumberFormat(ImisProperties properties) {
		EnrolmentProperties.TemporaryNumbers settings = properties.getEnrolment().getTemporaryNumbers();
		return new TemporaryNumberFormat(settings.getPrefix(), settings.getDigits());
	}

	@Bean
	public InsuranceNumberGenerator insuranceNumberGenerator(InsuranceNumberRule rule, ImisProperties properties) {
		return new InsuranceNumberGenerator(rule, properties.getEnrolment().getInsuranceNumber().getGeneratedLength());
	}

	@Bean
	public ContributionRecorder contributionRecorder(
			DaoRegistry daoRegistry, ProductLookup products, ImisProperties properties, IInterceptorService interceptorService) {
		ContributionRecorder recorder = new ContributionRecorder(
				daoRegistry, products, ActivationOption.valueOf(properties.getEnrolment().getActivation().toUpperCase()));
		interceptorService.registerInterceptor(recorder);
		return recorder;
	}

	@Bean
	public IgCoverageCompleter igCoverageCompleter(
			DaoRegistry daoRegistry, ProductLookup products, PolicyQuoter quoter, ImisProperties properties,
			IInterceptorService interceptorService) {
		IgCoverageCompleter completer = new IgCoverageCompleter(daoRegistry, products, quoter, properties);
		interceptorService.registerInterceptor(completer);
		return completer;
	}

	@Bean
	public EnrolmentRulesInterceptor enrolmentRulesInterceptor(
			DaoRegistry daoRegistry, InsuranceNumberRule insuranceNumberRule, IInterceptorService interceptorService) {
		EnrolmentRulesInterceptor interceptor = new EnrolmentRulesInterceptor(daoRegistry, insuranceNumberRule);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}
}
