package com.lakehouse.shared.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads {@code lakehouse.toml} into flat Spring property names under {@code lakehouse.}.
 *
 * <p>{@code [storaged] max_put_bytes = 1} becomes {@code lakehouse.storaged.max_put_bytes}; Spring's
 * relaxed binding maps the snake_case names onto record components. Keys that are not plain
 * identifiers (such as {@code "datasets/"} in {@code [storaged.prefix_caps]}) become map keys in
 * bracket notation so they survive binding verbatim; arrays become indexed properties.
 */
public final class TomlConfigFile {

    public static final String PREFIX = "lakehouse";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlConfigFile() {
    }

    /** Parses the file; a syntax error fails with file, line and column in the message. */
    public static Map<String, Object> load(Path file) {
        TomlParseResult result;
        try {
            result = Toml.parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigFileException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (result.hasErrors()) {
            TomlParseError first = result.errors().getFirst();
            throw new ConfigFileException("config file " + file + " line " + first.position().line()
                    + ", column " + first.position().column() + ": " + first.getMessage());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        flatten(PREFIX, result, properties);
        return properties;
    }

    private static void flatten(String prefix, TomlTable table, Map<String, Object> out) {
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            String name = prefix + segment(entry.getKey());
            put(name, entry.getValue(), out);
        }
    }

    private static void put(String name, Object value, Map<String, Object> out) {
        switch (value) {
            case TomlTable nested -> flatten(name, nested, out);
            case TomlArray array -> {
                List<Object> items = array.toList();
                if (items.isEmpty()) {
                    out.put(name, "");
                }
                for (int i = 0; i < items.size(); i++) {
                    put(name + "[" + i + "]", items.get(i), out);
                }
            }
            default -> out.put(name, value.toString());
        }
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + key + "]";
    }
}
