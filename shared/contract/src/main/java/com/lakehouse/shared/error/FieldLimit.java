package com.lakehouse.shared.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One bound of one request field (SPEC §2.5) and the refusal of a value over it: every such problem
 * names the field and the limit as members ({@code field}, {@code limit}) and reads the same way,
 * {@code "<field> <actual>; the limit is <limit> (<key>)"}, for example
 * {@code "tags[2] is 300 bytes; the limit is 256 (max_tag_bytes)"}. The caller picks the status
 * (413 for sizes and counts, 422 for a well-formed value out of range, 400 where the contract says so).
 *
 * @param field where the value came from, as the caller wrote it ({@code sql}, {@code items[3].id})
 * @param limit the bound, kept as the caller's number type (an {@code int} stays an {@code Integer})
 * @param key   the config key that sets the bound ({@code max_sql_bytes}), or null for a fixed bound
 */
public record FieldLimit(String field, Number limit, String key) {

    public FieldLimit {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(limit, "limit");
    }

    /** The problem's detail; {@code actual} says what the value is ({@code "is 300 bytes"}, {@code "holds 80 tags"}). */
    public String detail(String actual) {
        return field + " " + actual + "; the limit is " + limit + (key == null ? "" : " (" + key + ")");
    }

    /** The problem's members: {@code field}, {@code limit}, then {@code extra} (which may not replace either). */
    public Map<String, Object> members(Map<String, ?> extra) {
        if (extra.containsKey("field") || extra.containsKey("limit")) {
            throw new IllegalArgumentException("extra members may not replace field or limit: " + extra.keySet());
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", field);
        members.put("limit", limit);
        members.putAll(extra);
        return members;
    }

    /** 413: a size or a count over the bound. */
    public PayloadTooLargeException tooLarge(String actual) {
        return tooLarge(actual, Map.of());
    }

    public PayloadTooLargeException tooLarge(String actual, Map<String, ?> extra) {
        return new PayloadTooLargeException(detail(actual), members(extra));
    }

    /** 422: a well-formed value out of range (a depth, a dimension, a metadata size). */
    public UnprocessableException unprocessable(String actual) {
        return unprocessable(actual, Map.of());
    }

    public UnprocessableException unprocessable(String actual, Map<String, ?> extra) {
        return new UnprocessableException(detail(actual), members(extra));
    }

    /** 400: where the contract refuses an over-long request as malformed. */
    public InvalidRequestException invalid(String actual) {
        return invalid(actual, Map.of());
    }

    public InvalidRequestException invalid(String actual, Map<String, ?> extra) {
        return new InvalidRequestException(detail(actual), members(extra));
    }
}
