package com.lakehouse.vectord.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.ExactSearch;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.engine.LocalCommit;
import com.lakehouse.vectord.engine.SearchHit;
import com.lakehouse.vectord.engine.TestVectors;
import com.lakehouse.vectord.engine.VectorIndex;
import com.lakehouse.vectord.engine.VectorItem;

/**
 * In-process benchmark of the vector engine for scripts/bench/vectors.sh: builds an index the way
 * vectord does (batches through {@link VectorIndex#add}), then measures index size, load time, and
 * recall@10 and QPS at several ef on one and two threads, beside exact brute force in the same run.
 * It writes the vectors, queries and ground truth as raw little-endian files so the hnswlib peer
 * searches the very same data. Prints {@code RESULT <key> <value>} lines.
 *
 * <p>Arguments: {@code <clustered|random> <n> <dim> <queries> <workdir>}.
 */
public final class VectorBench {

    private static final int K = 10;
    private static final int[] EFS = {32, 64, 128};
    private static final int BATCH = 10_000;

    private VectorBench() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int nq = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        Files.createDirectories(work);

        float[][] data = kind.equals("random") ? TestVectors.random(n, dim, 1) : TestVectors.clustered(n, dim, 200, 1, 1);
        float[][] queries = kind.equals("random") ? TestVectors.random(nq, dim, 2) : TestVectors.clustered(nq, dim, 200, 1, 2);
        long t0 = System.nanoTime();
        int[][] truth = ExactSearch.topK(data, queries, K);
        double exactSeconds = (System.nanoTime() - t0) / 1e9;
        result("exact_qps_2threads", nq / exactSeconds);
        result("exact_qps_1thread", exactQps(data, queries));
        writeFloats(work.resolve("data.f32"), data);
        writeFloats(work.resolve("queries.f32"), queries);
        writeInts(work.resolve("truth.i32"), truth);

        Path dir = work.resolve("lucene");
        FileTrees.deleteTree(dir);
        IndexSpec spec = new IndexSpec("bench", dim, Distance.COSINE, 16, 200);
        try (IndexingPool pool = IndexingPool.forCores()) {
            build(dir, spec, pool, data);
            long start = System.nanoTime();
            try (VectorIndex index = VectorIndex.open(dir, pool, 64)) {
                index.search(queries[0], K, 64, null);
                result("load_ms", (System.nanoTime() - start) / 1e6);
                // let the JIT compile the search path (Panama SIMD included) before anything is timed
                for (int i = 0; i < 3_000; i++) {
                    index.search(queries[i % queries.length], K, 128, null);
                }
                for (int ef : EFS) {
                    measure(index, queries, truth, ef);
                }
            }
        }
    }

    private static void build(Path dir, IndexSpec spec, IndexingPool pool, float[][] data) throws IOException {
        long start = System.nanoTime();
        try (VectorIndex index = VectorIndex.create(dir, spec, pool, 256)) {
            for (int from = 0; from < data.length; from += BATCH) {
                List<VectorItem> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(data.length, from + BATCH); i++) {
                    batch.add(new VectorItem(Integer.toString(i), data[i], null));
                }
                index.add(batch);
            }
            double addSeconds = (System.nanoTime() - start) / 1e9;
            index.forceMerge();
            long bytes;
            try (LocalCommit commit = index.commit()) {
                bytes = 0;
                for (String file : commit.files()) {
                    bytes += Files.size(dir.resolve(file));
                }
            }
            double total = (System.nanoTime() - start) / 1e9;
            result("add_seconds", addSeconds);
            result("build_seconds", total);
            result("build_vectors_per_s", data.length / total);
            result("index_bytes", bytes);
        }
    }

    private static void measure(VectorIndex index, float[][] queries, int[][] truth, int ef) throws Exception {
        double recall = 0;
        for (int q = 0; q < queries.length; q++) {
            List<String> ids = index.search(queries[q], K, ef, null).stream().map(SearchHit::id).toList();
            recall += ExactSearch.recall(truth[q], ids);
        }
        result("recall_ef" + ef, recall / queries.length);
        result("qps_1thread_ef" + ef, qps(index, queries, ef, 1));
        result("qps_2threads_ef" + ef, qps(index, queries, ef, 2));
    }

    /** Queries per second over every query, three passes, on {@code threads} threads. */
    private static double qps(VectorIndex index, float[][] queries, int ef, int threads) throws Exception {
        int total = queries.length * 3;
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        index.search(queries[i % queries.length], K, ef, null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private static double exactQps(float[][] data, float[][] queries) {
        int sample = Math.min(100, queries.length);
        long start = System.nanoTime();
        for (int q = 0; q < sample; q++) {
            ExactSearch.topK(data, queries[q], K);
        }
        return sample / ((System.nanoTime() - start) / 1e9);
    }

    private static void result(String key, double value) {
        System.out.printf("RESULT %s %.4f%n", key, value);
    }

    private static void writeFloats(Path file, float[][] rows) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (float[] r : rows) {
                row.clear();
                row.asFloatBuffer().put(r);
                out.write(row.array());
            }
        }
    }

    private static void writeInts(Path file, int[][] rows) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (int[] r : rows) {
                for (int v : r) {
                    out.writeInt(Integer.reverseBytes(v));
                }
            }
        }
    }
}
