package com.lakehouse.vectord.engine;

import java.util.Arrays;
import java.util.Optional;

import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The distance an index ranks by, as the wire names it, with the Lucene similarity behind it and
 * the conversion from Lucene's score (higher is nearer) back to a distance (lower is nearer).
 *
 * <ul>
 * <li>{@code cosine}: {@code 1 - cos(a, b)}, in [0, 2].</li>
 * <li>{@code l2}: the <em>squared</em> Euclidean distance (no square root, as hnswlib and FAISS report it).</li>
 * <li>{@code dot}: {@code 1 - a·b}. Lucene's DOT_PRODUCT only accepts unit vectors, so the index uses
 * MAXIMUM_INNER_PRODUCT, which takes any vector; for unit vectors the figure equals the cosine distance.</li>
 * </ul>
 */
public enum Distance {
    COSINE("cosine", VectorSimilarityFunction.COSINE),
    L2("l2", VectorSimilarityFunction.EUCLIDEAN),
    DOT("dot", VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT);

    private final String wireName;
    private final VectorSimilarityFunction similarity;

    Distance(String wireName, VectorSimilarityFunction similarity) {
        this.wireName = wireName;
        this.similarity = similarity;
    }

    public String wireName() {
        return wireName;
    }

    public VectorSimilarityFunction similarity() {
        return similarity;
    }

    /** The distance by its wire name ({@code cosine}, {@code l2}, {@code dot}). */
    public static Optional<Distance> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    /**
     * The distance between two vectors, in plain double arithmetic. Search hits report this rather
     * than Lucene's score: SIMD reductions may sum lanes in a different order when code is
     * interpreted than when it is compiled, so the last bits of a score differ between a cold and a
     * warm JVM. This figure is the same on every run, so a restored index reports exactly the
     * distances the live one did (and cosine distances of exact matches are exactly 0).
     */
    public float between(float[] a, float[] b) {
        return switch (this) {
            case COSINE -> (float) Math.max(0, 1 - dot(a, b) / (Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b))));
            case L2 -> (float) squaredDistance(a, b);
            case DOT -> (float) (1 - dot(a, b));
        };
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
