package com.lakehouse.pathway.traces;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.json.JsonDepth;

import tools.jackson.databind.JsonNode;

/**
 * The bound of every field of a trace mutation and of a search (SPEC §2.5), checked before anything
 * is written to the log. Over a bound: 413 (sizes, counts) or 422 (depth), naming the field and the
 * limit, and nothing changes.
 */
public record TraceBounds(int maxContentBytes, int maxContentDepth, int maxTags, int maxTagBytes, int maxQueryBytes) {

    /** Lucene's longest indexed term ({@code IndexWriter.MAX_TERM_LENGTH}): a longer tag cannot be indexed at all. */
    public static final int LUCENE_MAX_TERM_BYTES = 32_766;

    /** Content's depth first (a deep document is refused before it is serialised), then its compact size. */
    void checkContent(JsonNode content, String compact) {
        JsonDepth.requireAtMost(content, maxContentDepth, "content", "max_content_depth");
        int bytes = utf8Length(compact);
        if (bytes > maxContentBytes) {
            throw tooLarge("content", "is " + bytes + " bytes as compact JSON", maxContentBytes, "max_content_bytes");
        }
    }

    /** The tags of a trace or of a search filter; null (none given) passes. */
    void checkTags(List<String> tags, String field) {
        if (tags == null) {
            return;
        }
        if (tags.size() > maxTags) {
            throw tooLarge(field, "holds " + tags.size() + " tags", maxTags, "max_tags");
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag != null && utf8Length(tag) > maxTagBytes) {
                throw tooLarge(field + "[" + i + "]", "is " + utf8Length(tag) + " bytes", maxTagBytes, "max_tag_bytes");
            }
        }
    }

    void checkQuery(String query) {
        if (query != null && utf8Length(query) > maxQueryBytes) {
            throw tooLarge("query", "is " + utf8Length(query) + " bytes", maxQueryBytes, "max_query_bytes");
        }
    }

    private static PayloadTooLargeException tooLarge(String field, String what, int limit, String key) {
        return new PayloadTooLargeException(field + " " + what + "; the limit is " + limit + " (" + key + ")",
                Map.of("field", field, "limit", limit));
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
