package org.imisfhir.migration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wiring of the openIMIS migration. */
@Configuration
@EnableConfigurationProperties(MigrationProperties.class)
public class MigrationConfig {}
