package com.lakehouse.shared.boot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.shared.auth.AuthConfigException;
import com.lakehouse.shared.config.ConfigFileException;
import com.lakehouse.shared.config.ConfigLocation;
import com.lakehouse.shared.config.LakehouseEnvironmentPostProcessor;

/**
 * The one way a service starts: its identity, the defaults every service shares (virtual threads,
 * JSON logs on stdout, no whitelabel pages), {@code --config PATH}, and a one-line reason on stderr
 * when startup is refused.
 */
public final class LakehouseApplication {

    private LakehouseApplication() {
    }

    /** A configured application; tests call this and run it with their own arguments. */
    public static SpringApplication create(FleetService service, Class<?> source) {
        return create(service, source, Map.of());
    }

    /** As {@link #create(FleetService, Class)}, with service-specific Spring defaults on top. */
    public static SpringApplication create(FleetService service, Class<?> source, Map<String, Object> extraDefaults) {
        SpringApplication application = new SpringApplication(source);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(LakehouseEnvironmentPostProcessor.SERVICE_NAME_PROPERTY, service.id());
        defaults.put("spring.application.name", service.id());
        defaults.put("spring.main.banner-mode", "off");
        // Spring's startup line names the jar's absolute path; SPEC §2 keeps host paths out of logs.
        defaults.put("spring.main.log-startup-info", "false");
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("logging.structured.format.console", "ecs");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("spring.web.resources.add-mappings", "false");
        defaults.put("spring.jackson.property-naming-strategy", "SNAKE_CASE");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        // The container's own body parsers read past RequestBodyLimitFilter's counting stream: no
        // servlet multipart (ingestd reads its upload through the cap itself), and a form post that
        // Tomcat parses for a request parameter is at most 64 KiB, chunked or not (issue 20).
        defaults.put("spring.servlet.multipart.enabled", "false");
        defaults.put("server.tomcat.max-http-form-post-size", "64KB");
        // Tomcat closes a keep-alive connection after 100 requests by default; the gateway's pool could
        // then hand out a connection Tomcat was closing, and that request failed as 502 (4 in 201,801
        // proxied GETs, docs/BENCHMARKS.md "The edge"). Idle connections still close after the
        // keep-alive timeout, which the gateway's pool stays under.
        defaults.put("server.tomcat.max-keep-alive-requests", "-1");
        defaults.putAll(extraDefaults);
        application.setDefaultProperties(defaults);
        return application;
    }

    /** Starts a service from {@code main}; a refused or broken start exits 2 with the reason on stderr. */
    public static ConfigurableApplicationContext run(FleetService service, Class<?> source, String[] args) {
        return run(create(service, source), service.id(), args);
    }

    /** As {@link #run(FleetService, Class, String[])} for an application built with extra defaults. */
    public static ConfigurableApplicationContext run(SpringApplication application, String name, String[] args) {
        try {
            return application.run(normalizeArgs(args));
        } catch (SpringApplication.AbandonedRunException e) {
            // Spring's AOT processing at build time runs main and ends it once the context is
            // prepared: not a refused start.
            throw e;
        } catch (RuntimeException e) {
            Throwable reason = startupReason(e);
            System.err.println(name + ": startup failed: " + reason.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** Accepts {@code --config PATH} as well as Spring's {@code --config=PATH}. */
    public static String[] normalizeArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") && i + 1 < args.length) {
                out.add("--" + ConfigLocation.PROPERTY + "=" + args[++i]);
            } else if (arg.startsWith("--config=")) {
                out.add("--" + ConfigLocation.PROPERTY + "=" + arg.substring("--config=".length()));
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }

    private static Throwable startupReason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindRefusedException || t instanceof ConfigFileException || t instanceof AuthConfigException) {
                return t;
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
