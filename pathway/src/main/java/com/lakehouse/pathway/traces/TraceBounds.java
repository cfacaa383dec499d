package com.lakehouse.pathway.traces;

import java.util.List;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.json.JsonDepth;
import com.lakehouse.shared.text.Utf8;

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
        int bytes = Utf8.length(compact);
        if (bytes > maxContentBytes) {
            throw new FieldLimit("content", maxContentBytes, "max_content_bytes")
                    .tooLarge("is " + bytes + " bytes as compact JSON");
        }
    }

    /** The tags of a trace or of a search filter; null (none given) passes. */
    void checkTags(List<String> tags, String field) {
        if (tags == null) {
            return;
        }
        if (tags.size() > maxTags) {
            throw new FieldLimit(field, maxTags, "max_tags").tooLarge("holds " + tags.size() + " tags");
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            int bytes = tag == null ? 0 : Utf8.length(tag);
            if (bytes > maxTagBytes) {
                throw new FieldLimit(field + "[" + i + "]", maxTagBytes, "max_tag_bytes").tooLarge("is " + bytes + " bytes");
            }
        }
    }

    void checkQuery(String query) {
        int bytes = query == null ? 0 : Utf8.length(query);
        if (bytes > maxQueryBytes) {
            throw new FieldLimit("query", maxQueryBytes, "max_query_bytes").tooLarge("is " + bytes + " bytes");
        }
    }
}
