package com.lakehouse.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Properties tests in the spirit of airlift's ConfigAssertions: bind a {@code @ConfigurationProperties}
 * record from a map as lakehouse.toml would give it (snake_case keys under {@code lakehouse.<service>}),
 * assert the defaults, and assert a full explicit mapping in which every component is set to a value
 * other than its default, so that a key that does not bind (a typo, a renamed field) fails the test.
 */
public final class PropertiesAssertions {

    private PropertiesAssertions() {
    }

    /** {@code type} bound from {@code properties} under {@code prefix}, defaults where a key is absent. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, ?> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    /** {@code type} bound from nothing equals {@code expected}. */
    public static <T> void assertDefaults(String prefix, Class<T> type, T expected) {
        assertThat(bind(prefix, type, Map.of())).isEqualTo(expected);
    }

    /**
     * {@code properties} (keys with or without the prefix) bind to {@code expected}, and every record
     * component of {@code expected} differs from its default: the map exercises every key.
     */
    public static <T extends Record> void assertFullMapping(String prefix, Class<T> type, Map<String, ?> properties,
            T expected) {
        Map<String, Object> prefixed = new LinkedHashMap<>();
        properties.forEach((key, value) -> prefixed.put(key.startsWith(prefix + ".") ? key : prefix + "." + key, value));
        T bound = bind(prefix, type, prefixed);
        assertThat(bound).isEqualTo(expected);
        T defaults = bind(prefix, type, Map.of());
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(value(component, bound)).as("%s.%s must be set to a non-default value", prefix, component.getName())
                    .isNotEqualTo(value(component, defaults));
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
