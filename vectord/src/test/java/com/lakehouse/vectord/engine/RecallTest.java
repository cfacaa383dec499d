package com.lakehouse.vectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HNSW through Lucene finds what brute force finds, on data shaped like text embeddings. */
class RecallTest {

    private static final int N = 5_000;
    private static final int DIM = 384;
    private static final int QUERIES = 200;
    private static final int K = 10;
    private static final int DEFAULT_EF = 64;

    @Test
    void recallAtTenIsAtLeastNinetyFivePercentAtTheDefaultEf(@TempDir Path dir) throws Exception {
        float[][] data = TestVectors.clustered(N, DIM, 50, 7, 1);
        float[][] queries = TestVectors.clustered(QUERIES, DIM, 50, 7, 2);
        int[][] truth = ExactSearch.topK(data, queries, K);

        try (IndexingPool pool = new IndexingPool(2);
                VectorIndex index = VectorIndex.create(dir.resolve("recall"),
                        new IndexSpec("recall", DIM, Distance.COSINE, 16, 200), pool, 64)) {
            List<VectorItem> items = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                items.add(new VectorItem(Integer.toString(i), data[i], null));
            }
            index.add(items);

            double total = 0;
            for (int q = 0; q < QUERIES; q++) {
                List<String> found = index.search(queries[q], K, DEFAULT_EF, null).stream().map(SearchHit::id).toList();
                total += ExactSearch.recall(truth[q], found);
            }
            double recall = total / QUERIES;
            System.out.printf("recall@10 at ef %d on %d clustered %d-d vectors: %.4f%n", DEFAULT_EF, N, DIM, recall);
            assertThat(recall).isGreaterThanOrEqualTo(0.95);
        }
    }
}
