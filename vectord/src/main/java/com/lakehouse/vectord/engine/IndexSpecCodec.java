package com.lakehouse.vectord.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The spec as Lucene commit user data, so an index directory describes itself. */
final class IndexSpecCodec {

    private IndexSpecCodec() {
    }

    static Map<String, String> toMap(IndexSpec spec) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("vectord.name", spec.name());
        data.put("vectord.dimension", Integer.toString(spec.dimension()));
        data.put("vectord.distance", spec.distance().wireName());
        data.put("vectord.m", Integer.toString(spec.m()));
        data.put("vectord.ef_construction", Integer.toString(spec.efConstruction()));
        return data;
    }

    static IndexSpec fromMap(Map<String, String> data) {
        String distance = data.get("vectord.distance");
        return new IndexSpec(data.get("vectord.name"), Integer.parseInt(data.get("vectord.dimension")),
                Distance.parse(distance).orElseThrow(() -> new IllegalStateException("unknown distance " + distance)),
                Integer.parseInt(data.get("vectord.m")), Integer.parseInt(data.get("vectord.ef_construction")));
    }
}
