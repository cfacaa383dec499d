package com.lakehouse.vectord.web;

import java.util.Map;

/** {@code POST /vectors/index/{name}/search}: k defaults to 10, ef to {@code default_ef}. */
record SearchRequest(double[] vector, Integer k, Integer ef, Map<String, Object> filter) {
}
