package com.lakehouse.queryd.vectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageKeys;

/**
 * A search in a vectord index, by text or by vector (SPEC §7, §8). Text is embedded through embedd
 * with the index's model ({@link ModelChoice}). A
 * failure of either service arrives as the domain exception of its status (404 unknown index, 400
 * dimension mismatch, 503 unreachable, ...), never as a 500.
 */
public final class SemanticSearch {

    /**
     * How long an index's dimension and embedd's list of models are used before they are asked
     * again: each was a sequential HTTP call in every text search (a fifth of the hybrid
     * statement's time), and neither changes while the services run, but for an index deleted and
     * made again, which the retry in {@link #byText} covers.
     */
    static final Duration KEPT_FOR = Duration.ofSeconds(30);
    private static final String MODELS_KEY = "/embed/models";

    private final ServiceClient vectord;
    private final ServiceClient embedd;
    private final RecentAnswers<String, Integer> dimensions;
    private final RecentAnswers<String, JsonNode> models;

    public SemanticSearch(ServiceClient vectord, ServiceClient embedd) {
        this(vectord, embedd, System::nanoTime);
    }

    SemanticSearch(ServiceClient vectord, ServiceClient embedd, LongSupplier nanoClock) {
        this.vectord = vectord;
        this.embedd = embedd;
        this.dimensions = new RecentAnswers<>(KEPT_FOR, 1024, nanoClock);
        this.models = new RecentAnswers<>(KEPT_FOR, 64, nanoClock);
    }

    /** The hits nearest to {@code text}, nearest first. */
    public List<VectorHit> byText(String index, String text, int k, Map<String, Object> filter) {
        boolean remembered = dimensions.holds(index);
        try {
            return byText(index, text, k, filter, dimensions.get(index, this::dimensionOf));
        } catch (InvalidRequestException | NotFoundException e) {
            if (!remembered) {
                throw e;
            }
            // The index may have been deleted, or made again with another dimension, since it was
            // remembered (vectord's 404, or its 400 for a dimension mismatch): ask again, once.
            dimensions.forget(index);
            models.forget(MODELS_KEY);
            return byText(index, text, k, filter, dimensions.get(index, this::dimensionOf));
        }
    }

    private List<VectorHit> byText(String index, String text, int k, Map<String, Object> filter, int dimension) {
        String model = ModelChoice.forDimension(models.get(MODELS_KEY, key -> embedd.getJson(key, JsonNode.class)),
                index, dimension);
        EmbedAnswer embedded = embedd.postSmallJson("/embed", new EmbedCall(List.of(text), model), EmbedAnswer.class);
        if (embedded.vectors() == null || embedded.vectors().size() != 1 || embedded.vectors().getFirst() == null) {
            throw new UpstreamFailureException("embedd answered no vector for the query text");
        }
        return byVector(index, embedded.vectors().getFirst(), k, filter);
    }

    /** The hits nearest to {@code vector}, nearest first; vectord refuses a wrong dimension with 400. */
    public List<VectorHit> byVector(String index, double[] vector, int k, Map<String, Object> filter) {
        SearchCall request = new SearchCall(vector, k, filter == null || filter.isEmpty() ? null : filter);
        SearchAnswer answer = vectord.postSmallJson(indexPath(index) + "/search", request, SearchAnswer.class);
        List<VectorHit> hits = new ArrayList<>();
        for (SearchAnswer.Hit hit : answer.hits() == null ? List.<SearchAnswer.Hit>of() : answer.hits()) {
            hits.add(new VectorHit(hit.id(), hit.distance(), hit.metadata()));
        }
        return hits;
    }

    /** embedd's {@code POST /embed} body and the part of its answer used here (SPEC §8). */
    record EmbedCall(List<String> texts, String model) {
    }

    record EmbedAnswer(List<double[]> vectors) {
    }

    /** vectord's {@code POST .../search} body (no filter member when there is none) and answer (SPEC §7). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchCall(double[] vector, int k, Map<String, Object> filter) {
    }

    record SearchAnswer(List<Hit> hits) {

        record Hit(String id, double distance, Map<String, Object> metadata) {
        }
    }

    private int dimensionOf(String index) {
        try {
            return vectord.getJson(indexPath(index), JsonNode.class).path("dimension").asInt();
        } catch (NotFoundException e) {
            throw new NotFoundException("no vector index named '" + index + "'", e);
        }
    }

    private static String indexPath(String index) {
        return "/vectors/index/" + StorageKeys.encodeComponent(index);
    }
}
