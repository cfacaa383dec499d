package com.lakehouse.vectord.web;

import java.util.Map;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.json.JsonDepth;
import com.lakehouse.shared.text.Utf8;
import com.lakehouse.vectord.VectordProperties;

/**
 * The bounds on what one add writes (issue 20, SPEC §2.5), checked for the whole batch before
 * anything is written. Over a bound: 413 for the item count, 422 otherwise, naming the field and
 * the limit. Ids and metadata become Lucene terms, whose hard limit (32,766 bytes) these bounds stay
 * far below, so a stored item is always one the index can read back.
 *
 * @param maxBatchItems          items in one add
 * @param maxIdBytes             UTF-8 bytes of an item id
 * @param maxMetadataKeys        top-level keys of one item's metadata (and of a search filter)
 * @param maxMetadataKeyBytes    UTF-8 bytes of one metadata key
 * @param maxMetadataValueBytes  JSON bytes of one metadata value
 * @param maxMetadataDepth       nesting of objects and arrays inside one metadata value
 */
public record ItemLimits(int maxBatchItems, int maxIdBytes, int maxMetadataKeys, int maxMetadataKeyBytes,
        int maxMetadataValueBytes, int maxMetadataDepth) {

    /** The defaults of {@link VectordProperties}. */
    public static final ItemLimits DEFAULTS = new ItemLimits(10_000, 512, 64, 128, 4096, 4);

    public static ItemLimits of(VectordProperties p) {
        return new ItemLimits(p.maxBatchItems(), p.maxIdBytes(), p.maxMetadataKeys(), p.maxMetadataKeyBytes(),
                p.maxMetadataValueBytes(), p.maxMetadataDepth());
    }

    void checkBatchSize(int items) {
        if (items > maxBatchItems) {
            throw new FieldLimit("items", maxBatchItems, "max_batch_items").tooLarge("has " + items + " entries");
        }
    }

    /** An id's bytes; {@code field} names where it came from ({@code items[3].id}, {@code id}). */
    void checkId(String field, String id) {
        int bytes = Utf8.length(id);
        if (bytes > maxIdBytes) {
            throw over(field, bytes + " bytes", maxIdBytes, "max_id_bytes");
        }
    }

    void checkMetadata(String field, Map<String, Object> metadata) {
        if (metadata == null) {
            return;
        }
        checkKeyCount(field, metadata.size());
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            String key = entry.getKey();
            String keyField = field + "." + shorten(key);
            if (key.isEmpty() || key.indexOf('\u0000') >= 0) {
                throw new UnprocessableException(field + " has an empty key or a key with a NUL character",
                        Map.of("field", field));
            }
            int keyBytes = Utf8.length(key);
            if (keyBytes > maxMetadataKeyBytes) {
                throw over(field + " key '" + shorten(key) + "'", keyBytes + " bytes", maxMetadataKeyBytes,
                        "max_metadata_key_bytes");
            }
            // One conversion: the value's JSON gives both its depth and its size.
            byte[] json = LakehouseJson.mapper().writeValueAsBytes(entry.getValue());
            int depth = JsonDepth.ofUtf8(json);
            if (depth > maxMetadataDepth) {
                throw over(keyField, "nested " + depth + " levels deep", maxMetadataDepth, "max_metadata_depth");
            }
            if (json.length > maxMetadataValueBytes) {
                throw over(keyField, json.length + " bytes of JSON", maxMetadataValueBytes, "max_metadata_value_bytes");
            }
        }
    }

    void checkKeyCount(String field, int keys) {
        if (keys > maxMetadataKeys) {
            throw over(field, keys + " keys", maxMetadataKeys, "max_metadata_keys");
        }
    }

    private static UnprocessableException over(String field, String actual, int limit, String key) {
        return new FieldLimit(field, limit, key).unprocessable("is " + actual);
    }

    /** A key quoted in a message is cut short: the problem body stays small whatever came in. */
    private static String shorten(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64) + "…";
    }
}
