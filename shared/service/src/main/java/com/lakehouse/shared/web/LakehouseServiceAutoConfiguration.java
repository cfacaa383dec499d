package com.lakehouse.shared.web;

import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.auth.AuthProperties;
import com.lakehouse.shared.config.LakehouseEnvironmentPostProcessor;
import com.lakehouse.shared.health.HealthState;

/**
 * What every service gets whichever web stack it runs on (the fleet's servlet services and the
 * WebFlux gateway): its identity, {@code /health} and the state behind it, the one auth policy and
 * the one exception-to-status table. The stack's own wiring (filters, advice, error pages) builds on
 * these: {@link LakehouseWebAutoConfiguration} for servlets, the gateway's configuration for WebFlux.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(AuthProperties.class)
@Import(HealthController.class)
public class LakehouseServiceAutoConfiguration {

    @Bean
    ServiceIdentity serviceIdentity(Environment environment) {
        String name = environment.getProperty(LakehouseEnvironmentPostProcessor.SERVICE_NAME_PROPERTY, "lakehouse");
        String version = LakehouseServiceAutoConfiguration.class.getPackage().getImplementationVersion();
        return new ServiceIdentity(name, version == null ? "dev" : version);
    }

    /** What {@code /health} reports; start-up loaders report quarantined records and failures here. */
    @Bean
    @ConditionalOnMissingBean
    HealthState healthState() {
        return new HealthState();
    }

    @Bean
    AuthPolicy authPolicy(AuthProperties properties, Environment environment) {
        return AuthPolicy.resolve(properties, environment::getProperty, LogFactory.getLog(AuthPolicy.class));
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemStatusTable problemStatusTable() {
        return ProblemStatusTable.defaults();
    }
}
