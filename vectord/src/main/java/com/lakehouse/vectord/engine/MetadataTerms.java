package com.lakehouse.vectord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Metadata as filterable terms: each top-level scalar {@code key: value} becomes the term
 * {@code key NUL value}, where strings keep their text and numbers and booleans are written in one
 * canonical form ({@code 2}, {@code 2.0} and {@code 2e0} are the same number), each prefixed with
 * its JSON type so the string {@code "2"} never matches the number {@code 2}. An array value is
 * indexed element by element, so a filter matches when any element equals the wanted value.
 * Nested objects and nulls are stored but not filterable.
 */
final class MetadataTerms {

    static final String FIELD = "meta_kv";

    private MetadataTerms() {
    }

    /** Every term an item's metadata is findable by. */
    static List<String> of(Map<String, Object> metadata) {
        List<String> terms = new ArrayList<>();
        metadata.forEach((key, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach(v -> scalar(v).ifPresent(s -> terms.add(key + '\u0000' + s)));
            } else {
                scalar(value).ifPresent(s -> terms.add(key + '\u0000' + s));
            }
        });
        return terms;
    }

    /**
     * The pre-filter for a search: every key must match; a list of wanted values means any of them.
     *
     * @return null when there is nothing to filter
     */
    static Query filter(Map<String, Object> filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        filter.forEach((key, wanted) -> all.add(anyOf(key, wanted), BooleanClause.Occur.FILTER));
        return all.build();
    }

    private static Query anyOf(String key, Object wanted) {
        List<?> values = wanted instanceof Collection<?> c ? List.copyOf(c) : Collections.singletonList(wanted);
        if (values.isEmpty()) {
            throw new InvalidRequestException("filter '" + key + "' lists no values");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Object value : values) {
            String term = scalar(value).orElseThrow(() -> new InvalidRequestException(
                    "filter '" + key + "' must be a string, number or boolean (or a list of them)"));
            any.add(new TermQuery(new Term(FIELD, key + '\u0000' + term)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static Optional<String> scalar(Object value) {
        if (value instanceof String s) {
            return Optional.of("s:" + s);
        }
        if (value instanceof Boolean b) {
            return Optional.of("b:" + b);
        }
        if (value instanceof Number n) {
            return Optional.of("n:" + canonicalNumber(n));
        }
        return Optional.empty();
    }

    private static String canonicalNumber(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
        return decimal.toPlainString();
    }
}
