package com.lakehouse.shared.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Where {@code lakehouse.toml} comes from: {@code --config PATH} (bound as {@code lakehouse.config}),
 * else the {@code LAKEHOUSE_CONFIG} variable, else {@code lakehouse.toml} in the working directory.
 *
 * @param path the file to read
 * @param named true when the operator named the file, so a missing one deserves a warning
 */
public record ConfigLocation(Path path, boolean named) {

    public static final String PROPERTY = "lakehouse.config";
    public static final String ENV = "LAKEHOUSE_CONFIG";
    public static final String DEFAULT_FILE = "lakehouse.toml";

    public static ConfigLocation resolve(Environment environment) {
        String named = firstNonBlank(environment.getProperty(PROPERTY), environment.getProperty(ENV));
        if (named != null) {
            return new ConfigLocation(Path.of(named), true);
        }
        return new ConfigLocation(Path.of(DEFAULT_FILE), false);
    }

    public Optional<Path> existing() {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
