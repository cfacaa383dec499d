package com.lakehouse.embedd.embedding;

import java.time.Duration;
import java.util.List;

/** Turns texts into vectors with one of its models. Implementations are thread-safe. */
public interface EmbeddingProvider {

    /** The models this provider serves; the first is its default. */
    List<ModelInfo> models();

    /**
     * Embeds every text with {@code model} (one of {@link #models()}), one vector per text in input
     * order, within {@code timeout} for the whole list.
     *
     * @throws com.lakehouse.shared.error.UpstreamFailureException when the provider fails (502)
     * @throws com.lakehouse.shared.error.UpstreamTimeoutException when the list takes longer (504)
     */
    List<float[]> embed(ModelInfo model, List<String> texts, Duration timeout);
}
