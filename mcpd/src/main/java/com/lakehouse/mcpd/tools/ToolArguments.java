package com.lakehouse.mcpd.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to a call's arguments. The SDK already checks them against the input schema; these
 * checks stay so a tool never depends on that switch and its messages name the argument.
 */
public final class ToolArguments {

    private final Map<String, Object> values;

    public ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The raw value (any JSON), if given. */
    public Optional<Object> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> new ToolInputException("'" + name + "' is required"));
    }

    /** A non-blank string, if given. */
    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ToolInputException("'" + name + "' must be a non-empty string");
        }
        return Optional.of(text);
    }

    /** An integer within [min, max]; absent means the default. */
    public int integer(String name, int defaultValue, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        long number = wholeNumber(name, value);
        if (number < min || number > max) {
            throw new ToolInputException("'" + name + "' must be between " + min + " and " + max + ", got " + number);
        }
        return (int) number;
    }

    /** An integer of at least {@code min}; absent means the default. */
    public long atLeast(String name, long defaultValue, long min) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        long number = wholeNumber(name, value);
        if (number < min) {
            throw new ToolInputException("'" + name + "' must be at least " + min + ", got " + number);
        }
        return number;
    }

    /** A list of strings (each non-empty), if given. */
    public Optional<List<String>> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw new ToolInputException("'" + name + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isEmpty()) {
                throw new ToolInputException("'" + name + "[" + i + "]' must be a non-empty string");
            }
            out.add(text);
        }
        return Optional.of(out);
    }

    /** A list of finite numbers, if given. */
    public Optional<List<Double>> numbers(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ToolInputException("'" + name + "' must be a non-empty array of numbers");
        }
        List<Double> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new ToolInputException("'" + name + "[" + i + "]' must be a finite number");
            }
            out.add(n.doubleValue());
        }
        return Optional.of(out);
    }

    /** A JSON object, if given. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ToolInputException("'" + name + "' must be a JSON object");
        }
        return Optional.of((Map<String, Object>) map);
    }

    private static long wholeNumber(String name, Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new ToolInputException("'" + name + "' must be an integer, got " + value);
    }
}
