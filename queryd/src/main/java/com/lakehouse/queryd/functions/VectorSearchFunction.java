package com.lakehouse.queryd.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.queryd.sandbox.TableCalls;
import com.lakehouse.queryd.vectors.HitsRelation;
import com.lakehouse.queryd.vectors.SemanticSearch;
import com.lakehouse.queryd.vectors.VectorHit;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * {@code vector_search('index', 'query text' | [vector], k [, '{"key":"value"}'])}: the k nearest
 * items of a vectord index, as a relation of literals ({@link HitsRelation}) that joins with
 * datasets and filters in SQL. The search runs through vectord (and embedd for text) before the
 * statement runs; the optional JSON object is vectord's metadata filter, applied inside the search,
 * so k hits come back when k match.
 */
public final class VectorSearchFunction implements TableFunction {

    /** The most hits one call may ask for: each becomes a row of literals in the statement's text. */
    public static final int MAX_K = 1000;

    private final SemanticSearch search;

    public VectorSearchFunction(SemanticSearch search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "vector_search";
    }

    @Override
    public String expand(TableCalls.Call call) {
        if (call.args().size() < 3 || call.args().size() > 4) {
            throw call.invalid("takes an index, a query text or vector, k and an optional metadata filter:"
                    + " vector_search('resumes', 'forklift driver', 10, '{\"state\":\"IL\"}')");
        }
        String index = call.string(0, "the index name");
        int k = (int) call.whole(2, "k", 1, MAX_K);
        Map<String, Object> filter = call.args().size() == 4 ? filter(call) : Map.of();
        TableCalls.Arg query = call.arg(1, "the query");
        List<VectorHit> hits;
        if (query.isVector()) {
            hits = search.byVector(index, query.vector(), k, filter);
        } else if (query.isString()) {
            if (query.string().isBlank()) {
                throw call.invalid("the query text is empty");
            }
            hits = search.byText(index, query.string(), k, filter);
        } else {
            throw call.invalid("the query must be a text or a [vector]");
        }
        return HitsRelation.sql(hits);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filter(TableCalls.Call call) {
        String text = call.string(3, "the metadata filter");
        try {
            Object parsed = LakehouseJson.mapper().readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return new LinkedHashMap<>((Map<String, Object>) map);
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw call.invalid("the metadata filter must be a JSON object such as '{\"state\":\"IL\"}'");
    }
}
