package com.lakehouse.shared.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.auth.AuthProperties;
import com.lakehouse.shared.boot.BindAddress;
import com.lakehouse.shared.boot.BindGate;
import com.lakehouse.shared.boot.FleetService;

/**
 * Puts {@code lakehouse.toml} into the Spring environment and turns the service's {@code bind}
 * into {@code server.address}/{@code server.port}, after the bind gate has allowed it.
 *
 * <p>The TOML sits below command-line arguments, system properties and the process environment,
 * so an operator (or a test) can still override a single key without editing the file.
 */
public class LakehouseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SERVICE_NAME_PROPERTY = "lakehouse.service.name";
    static final String TOML_SOURCE = "lakehouse.toml";
    static final String BIND_SOURCE = "lakehouse.bind";

    private final Log log;

    public LakehouseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(LakehouseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        loadConfigFile(environment);
        Optional<FleetService> service = Optional.ofNullable(environment.getProperty(SERVICE_NAME_PROPERTY))
                .flatMap(FleetService::byId);
        if (service.isPresent() && application.getWebApplicationType() != WebApplicationType.NONE) {
            applyBind(environment, service.get());
        }
    }

    private void loadConfigFile(ConfigurableEnvironment environment) {
        ConfigLocation location = ConfigLocation.resolve(environment);
        Optional<Path> file = location.existing();
        if (file.isEmpty()) {
            if (location.named()) {
                log.warn("config file " + location.path() + " not found; defaults apply");
            }
            return;
        }
        Map<String, Object> properties = TomlConfigFile.load(file.get());
        MapPropertySource source = new MapPropertySource(TOML_SOURCE, properties);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    private void applyBind(ConfigurableEnvironment environment, FleetService service) {
        String bind = environment.getProperty("lakehouse." + service.id() + ".bind", service.defaultBind());
        AuthProperties auth = Binder.get(environment).bindOrCreate("lakehouse.auth", AuthProperties.class);
        AuthPolicy policy = AuthPolicy.resolve(auth, environment::getProperty, log);
        BindAddress address = new BindGate(environment::getProperty, log).check(service, bind, policy.tokenRequired());
        environment.getPropertySources().addFirst(new MapPropertySource(BIND_SOURCE,
                Map.of("server.address", address.host(), "server.port", address.port())));
    }
}
