package com.lakehouse.vectord.engine;

import java.util.PriorityQueue;
import java.util.stream.IntStream;

import org.apache.lucene.util.VectorUtil;

/** Exact (brute-force) nearest neighbours, the ground truth recall is measured against. */
public final class ExactSearch {

    private ExactSearch() {
    }

    /** Indices of the {@code k} items with the highest cosine similarity to {@code query}. */
    public static int[] topK(float[][] data, float[] query, int k) {
        PriorityQueue<long[]> heap = new PriorityQueue<>(k + 1, (a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < data.length; i++) {
            float score = VectorUtil.cosine(data[i], query);
            // pack score (monotone int bits, non-negative after the shift) and index for a primitive-ish heap
            long key = Float.floatToIntBits(score + 2f);
            heap.add(new long[] {key, i});
            if (heap.size() > k) {
                heap.poll();
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) heap.poll()[1];
        }
        return out;
    }

    /** Ground truth for many queries, computed on every core. */
    public static int[][] topK(float[][] data, float[][] queries, int k) {
        return IntStream.range(0, queries.length).parallel().mapToObj(q -> topK(data, queries[q], k)).toArray(int[][]::new);
    }

    /** Fraction of the true top-k found among the returned ids (ids are decimal indices). */
    public static double recall(int[] truth, java.util.List<String> found) {
        java.util.Set<String> want = new java.util.HashSet<>();
        for (int t : truth) {
            want.add(Integer.toString(t));
        }
        long hits = found.stream().filter(want::contains).count();
        return (double) hits / truth.length;
    }
}
