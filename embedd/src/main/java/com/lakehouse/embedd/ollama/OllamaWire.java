package com.lakehouse.embedd.ollama;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Ollama's {@code POST /api/embed} wire shapes (Ollama 0.4+ batch endpoint). */
final class OllamaWire {

    private OllamaWire() {
    }

    /** {@code {"model":"nomic-embed-text","input":["...","..."]}}; Ollama truncates over-long input by default. */
    record EmbedRequest(String model, List<String> input) {
    }

    /** {@code {"model":..,"embeddings":[[..],[..]],"total_duration":..,"load_duration":..,"prompt_eval_count":..}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmbedResponse(String model, List<float[]> embeddings) {
    }

    /** Every Ollama failure: {@code {"error":"model 'x' not found"}} with a 4xx/5xx status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(String error) {
    }
}
