package org.imisfhir.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the FHIR health-insurance server. */
@SpringBootApplication(
		scanBasePackages = "org.imisfhir",
		exclude = {ElasticsearchRestClientAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(ImisProperties.class)
@EnableScheduling
public class ImisFhirApplication {

	public static void main(String[] args) {
		SpringApplication.run(ImisFhirApplication.class, args);
	}
}
