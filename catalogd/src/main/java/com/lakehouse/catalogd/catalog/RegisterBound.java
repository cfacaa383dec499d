package com.lakehouse.catalogd.catalog;

import java.util.Map;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;

/**
 * One bound of a register (SPEC §2.5) as the shared {@link FieldLimit} words it, plus the member
 * catalogd adds: {@code limit_key}, the lakehouse.toml key that sets the bound ({@code [catalogd]
 * max_columns}), when one does.
 *
 * @param key the key under {@code [catalogd]}, or null for a fixed bound (2^53-1)
 */
public record RegisterBound(String field, Number limit, String key) {

    public UnprocessableException unprocessable(String actual) {
        return fieldLimit().unprocessable(actual, members());
    }

    public PayloadTooLargeException tooLarge(String actual) {
        return fieldLimit().tooLarge(actual, members());
    }

    private FieldLimit fieldLimit() {
        return new FieldLimit(field, limit, qualifiedKey());
    }

    private Map<String, Object> members() {
        return key == null ? Map.of() : Map.of("limit_key", qualifiedKey());
    }

    private String qualifiedKey() {
        return key == null ? null : "[catalogd] " + key;
    }
}
