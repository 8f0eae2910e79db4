package org.imisfhir.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * FHIR R4 Subscriptions with HAPI's own machinery: HAPI's submitter (matches every stored write against the
 * active Subscriptions, in memory where the criteria allow, else with a database search) and processor
 * (activates and registers Subscriptions, delivers rest-hook notifications over its in-memory channels),
 * with our retry policy and our rules on who may subscribe to what ({@link SubscriptionRulesInterceptor}).
 */
@Configuration
@EnableConfigurationProperties(SubscriptionProperties.class)
public class SubscriptionConfig {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionConfig.class);

	@Bean
	public SubscriptionSettings subscriptionSettings(SubscriptionProperties properties) {
		SubscriptionSettings settings = new SubscriptionSettings();
		if (properties.isEnabled()) {
			for (String type : properties.getChannelTypes()) {
				settings.addSupportedSubscriptionType(SubscriptionChannelType.fromCode(type.trim()));
			}
		}
		settings.setEnableInMemorySubscriptionMatching(true);
		if (properties.getEndpointPattern() != null && !properties.getEndpointPattern().isBlank()) {
			settings.setRestHookEndpointUrlValidationRegex(properties.getEndpointPattern());
		}
		return settings;
	}

	@Bean
	public SubscriptionRulesInterceptor subscriptionRulesInterceptor(
			SubscriptionProperties properties, SubscriptionCriteria criteria, SubscriptionScopes scopes,
			IInterceptorService interceptorService) {
		SubscriptionRulesInterceptor interceptor = new SubscriptionRulesInterceptor(properties, criteria, scopes);
		interceptorService.registerInterceptor(interceptor);
		return interceptor;
	}

	/** HAPI's subscription services, only when subscriptions are on. */
	@Configuration
	@ConditionalOnProperty(prefix = "imis.subscriptions", name = "enabled", havingValue = "true", matchIfMissing = true)
	@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class})
	static class Delivery {

		@Bean
		@Primary
		public RetryPolicyProvider deliveryRetryPolicy(SubscriptionProperties properties) {
			log.info("FHIR subscriptions on: channel types {}, {} further attempts after a failed delivery, from {} ms apart",
					properties.getChannelTypes(), properties.getRetryCount(), properties.getRetryDelayMs());
			return new DeliveryRetryPolicy(properties);
		}

		@Bean
		public WatchedTypes watchedTypes(FhirContext fhirContext, DaoRegistry daos, IInterceptorService interceptorService) {
			WatchedTypes watched = new WatchedTypes(fhirContext, daos);
			interceptorService.registerInterceptor(watched);
			return watched;
		}

		/** HAPI's processor always builds an e-mail listener; the email channel type is not accepted here. */
		@Bean
		public IEmailSender emailSender() {
			return details -> {
				throw new IllegalStateException("E-mail subscriptions are not enabled on this server");
			};
		}
	}
}
