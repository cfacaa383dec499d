package com.lakehouse.vectord.web;

/** {@code POST /vectors/index}; distance defaults to cosine, m to 16, ef_construction to 200. */
record CreateIndexRequest(String name, Integer dimension, String distance, Integer m, Integer efConstruction) {
}
