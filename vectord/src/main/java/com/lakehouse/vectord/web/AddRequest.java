package com.lakehouse.vectord.web;

import java.util.List;
import java.util.Map;

/** {@code POST /vectors/index/{name}/add}. Vectors arrive as doubles so out-of-float-range values can be refused by name. */
record AddRequest(List<Item> items) {

    /** One item; {@code metadata} absent or null keeps the item's metadata, {@code {}} clears it. */
    record Item(String id, double[] vector, Map<String, Object> metadata) {
    }
}
