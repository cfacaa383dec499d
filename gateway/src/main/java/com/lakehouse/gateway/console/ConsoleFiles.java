package com.lakehouse.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.resource.ResourceWebHandler;

/**
 * The console's files in the jar: its own under {@code console/}, uPlot from its WebJar. Spring's
 * resource handler serves them (path checks, content types, ETag and Last-Modified revalidation, HEAD).
 */
public final class ConsoleFiles {

    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private ConsoleFiles() {
    }

    /** One handler per set of files. */
    public static Map<ConsolePaths.Source, ResourceWebHandler> handlers() {
        return Map.of(
                ConsolePaths.Source.CONSOLE, handler(new ClassPathResource("console/")),
                ConsolePaths.Source.UPLOT, handler(new ClassPathResource(
                        "META-INF/resources/webjars/uplot/" + webJarVersion(UPLOT_POM) + "/dist/")));
    }

    static ResourceWebHandler handler(Resource location) {
        ResourceWebHandler handler = new ResourceWebHandler();
        handler.setLocations(List.of(location));
        // ES modules must come as JavaScript; nosniff makes the browser hold us to the type.
        handler.setMediaTypes(Map.of(
                "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
                "css", MediaType.parseMediaType("text/css;charset=UTF-8"),
                "html", MediaType.parseMediaType("text/html;charset=UTF-8"),
                "svg", MediaType.parseMediaType("image/svg+xml")));
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("console resources at " + location, e);
        }
        return handler;
    }

    /** The WebJar's version from its own pom.properties, so the pom alone says which uPlot ships. */
    static String webJarVersion(String pomProperties) {
        try (InputStream in = new ClassPathResource(pomProperties).getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the uPlot WebJar is missing from the classpath: " + pomProperties, e);
        }
    }
}
