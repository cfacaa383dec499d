package com.lakehouse.embedd.web;

import java.util.List;

/** {@code POST /embed} answer: {@code {"model","dimension","vectors":[[...]]}}, vectors in input order. */
public record EmbedResponse(String model, int dimension, List<float[]> vectors) {
}
