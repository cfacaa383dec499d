package com.lakehouse.vectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorIndexTest {

    static IndexingPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void threads() {
        pool = new IndexingPool(2);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private VectorIndex create(String name, int dim, Distance distance) throws Exception {
        return VectorIndex.create(dir.resolve(name), new IndexSpec(name, dim, distance, 16, 100), pool, 16);
    }

    @Test
    void upsertKeepsOrClearsMetadataAndTheLastDuplicateInABatchWins() throws Exception {
        try (VectorIndex index = create("u", 2, Distance.COSINE)) {
            index.add(List.of(new VectorItem("a", new float[] {1, 0}, Map.of("tag", "x"))));
            index.add(List.of(new VectorItem("a", new float[] {0, 1}, null)));
            assertThat(index.find("a").orElseThrow().metadata()).isEqualTo(Map.of("tag", "x"));
            assertThat(index.find("a").orElseThrow().vector()).containsExactly(0f, 1f);

            int written = index.add(List.of(new VectorItem("a", new float[] {1, 1}, Map.of("tag", "y")),
                    new VectorItem("a", new float[] {1, 0}, null)));
            assertThat(written).isEqualTo(1);
            assertThat(index.count()).isEqualTo(1);
            StoredItem a = index.find("a").orElseThrow();
            assertThat(a.vector()).containsExactly(1f, 0f);
            assertThat(a.metadata()).isEqualTo(Map.of("tag", "y"));

            index.add(List.of(new VectorItem("a", new float[] {1, 0}, Map.of())));
            assertThat(index.find("a").orElseThrow().metadata()).isEmpty();
            assertThat(index.search(new float[] {1, 0}, 1, 10, Map.of("tag", "y"))).isEmpty();
        }
    }

    @Test
    void hitsFromSeveralSegmentsComeBackNearestFirstWithTheirOwnIdsAndMetadata() throws Exception {
        try (VectorIndex index = create("s", 2, Distance.L2)) {
            // one add per item: each refresh leaves a segment of its own, so hits span segments
            for (int i = 5; i >= 1; i--) {
                Map<String, Object> metadata = i % 2 == 0 ? Map.of("n", i) : Map.of();
                index.add(List.of(new VectorItem("p" + i, new float[] {i, 0}, metadata)));
            }
            List<SearchHit> hits = index.search(new float[] {0, 0}, 4, 10, null);
            assertThat(hits).extracting(SearchHit::id).containsExactly("p1", "p2", "p3", "p4");
            assertThat(hits).extracting(SearchHit::distance).containsExactly(1f, 4f, 9f, 16f);
            assertThat(hits).extracting(SearchHit::metadata)
                    .containsExactly(Map.of(), Map.of("n", 2), Map.of(), Map.of("n", 4));
        }
    }

    @Test
    void anIndexFromTheStoredFieldLayoutIsRefusedAtOpenNamingTheRemedy() throws Exception {
        Path old = dir.resolve("old");
        IndexSpec spec = new IndexSpec("old", 2, Distance.COSINE, 16, 100);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField(VectorDocuments.ID, "a", Field.Store.YES));
            doc.add(new KnnFloatVectorField(VectorDocuments.VECTOR, new float[] {1, 0}, Distance.COSINE.similarity()));
            writer.addDocument(doc);
            writer.setLiveCommitData(IndexSpecCodec.toMap(spec).entrySet());
            writer.commit();
        }
        assertThatThrownBy(() -> VectorIndex.open(old, pool, 16)).isInstanceOf(IOException.class)
                .hasMessageContaining("index 'old'").hasMessageContaining("delete it and re-create it");
        // refused without side effects: the directory is as it was and can be opened by Lucene again
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(old))) {
            assertThat(reader.numDocs()).isEqualTo(1);
        }
    }

    @Test
    void deleteThenReAddTheSameId() throws Exception {
        try (VectorIndex index = create("d", 2, Distance.L2)) {
            index.add(List.of(new VectorItem("a", new float[] {1, 0}, null), new VectorItem("b", new float[] {0, 1}, null)));
            assertThat(index.delete("a")).isTrue();
            assertThat(index.delete("a")).isFalse();
            assertThat(index.find("a")).isEmpty();
            assertThat(index.search(new float[] {1, 0}, 5, 10, null)).extracting(SearchHit::id).containsExactly("b");
            index.add(List.of(new VectorItem("a", new float[] {1, 0}, null)));
            assertThat(index.search(new float[] {1, 0}, 5, 10, null)).extracting(SearchHit::id).containsExactly("a", "b");
            assertThat(index.count()).isEqualTo(2);
        }
    }

    @Test
    void distancesFollowEachMetricsDefinition() throws Exception {
        float[] a = {3, 4};
        float[] q = {1, 0};
        try (VectorIndex cos = create("cos", 2, Distance.COSINE);
                VectorIndex l2 = create("l2", 2, Distance.L2);
                VectorIndex dot = create("dot", 2, Distance.DOT)) {
            for (VectorIndex index : List.of(cos, l2, dot)) {
                index.add(List.of(new VectorItem("a", a, null)));
            }
            assertThat(cos.search(q, 1, 10, null).get(0).distance()).isCloseTo(1 - 0.6f, within(1e-5f));
            assertThat(l2.search(q, 1, 10, null).get(0).distance()).isCloseTo(4 + 16, within(1e-3f));
            assertThat(dot.search(q, 1, 10, null).get(0).distance()).isCloseTo(1 - 3, within(1e-5f));
            assertThat(dot.search(new float[] {-1, 0}, 1, 10, null).get(0).distance()).isCloseTo(1 + 3, within(1e-4f));
        }
    }

    @Test
    void aSelectiveFilterStillYieldsKHitsAndAnExactRequeryComesFirst() throws Exception {
        float[][] data = TestVectors.clustered(3_000, 32, 10, 3, 4);
        try (VectorIndex index = create("f", 32, Distance.COSINE)) {
            List<VectorItem> items = new ArrayList<>();
            for (int i = 0; i < data.length; i++) {
                items.add(new VectorItem("i" + i, data[i], Map.of("bucket", i % 300, "tags", List.of("t" + (i % 7), "all"))));
            }
            index.add(items);
            List<SearchHit> hits = index.search(data[5], 10, 64, Map.of("bucket", 5));
            assertThat(hits).hasSize(10).allSatisfy(h -> assertThat(h.metadata().get("bucket")).isEqualTo(5));
            assertThat(hits.get(0).id()).isEqualTo("i5");
            assertThat(hits.get(0).distance()).isLessThan(1e-5f);
            assertThat(index.search(data[0], 10, 64, Map.of("tags", "all", "bucket", 3))).extracting(SearchHit::id)
                    .containsExactlyInAnyOrder("i3", "i303", "i603", "i903", "i1203", "i1503", "i1803", "i2103", "i2403", "i2703");
            assertThat(index.search(data[0], 10, 64, Map.of("tags", "t3", "bucket", 3))).extracting(SearchHit::id)
                    .containsExactlyInAnyOrder("i3", "i2103");
            assertThat(index.search(data[0], 10, 64, Map.of("bucket", "5"))).as("string '5' is not number 5").isEmpty();
        }
    }

    @Test
    void aCommitHoldsItsFilesAndAReopenedIndexHasItsSpecAndItems() throws Exception {
        IndexSpec spec = new IndexSpec("r", 4096, Distance.DOT, 8, 50);
        Path path = dir.resolve("r");
        float[] big = new float[4096];
        big[17] = 1;
        List<String> files;
        try (VectorIndex index = VectorIndex.create(path, spec, pool, 16)) {
            index.add(List.of(new VectorItem("x", big, Map.of("n", 1))));
            try (LocalCommit commit = index.commit()) {
                files = commit.files();
                assertThat(commit.ids()).containsExactly("x");
                assertThat(commit.metadata()).containsEntry("x", Map.of("n", 1));
                assertThat(files).anyMatch(f -> f.startsWith("segments_"));
                for (String f : files) {
                    assertThat(Files.exists(path.resolve(f))).isTrue();
                }
            }
            index.add(List.of(new VectorItem("y", big, null)));
        }
        assertThat(VectorIndex.committedSpec(path)).contains(spec);
        try (VectorIndex reopened = VectorIndex.open(path, pool, 16)) {
            // every add commits locally before it returns, so 'y' survives the close without a publish commit
            assertThat(reopened.count()).as("the acknowledged add of 'y' survives").isEqualTo(2);
            assertThat(reopened.committedFiles()).isNotEqualTo(files);
            assertThat(reopened.search(big, 1, 10, null).get(0).distance()).isCloseTo(0f, within(1e-6f));
        }
    }

    @Test
    void aBatchThatFailsPartWayLeavesNothingOfItLiveNowOrAfterTheNextWrite() throws Exception {
        try (VectorIndex index = create("atomic", 2, Distance.COSINE)) {
            index.add(List.of(new VectorItem("keep", new float[] {1, 0}, Map.of("v", "old"))));
            // Lucene refuses an id term over 32766 bytes: the third document of the batch fails.
            List<VectorItem> batch = new ArrayList<>();
            batch.add(new VectorItem("keep", new float[] {0, 1}, Map.of("v", "new")));
            batch.add(new VectorItem("fresh", new float[] {1, 1}, Map.of()));
            batch.add(new VectorItem("x".repeat(40_000), new float[] {1, 1}, Map.of()));
            batch.add(new VectorItem("late", new float[] {1, 1}, Map.of()));
            assertThatThrownBy(() -> index.add(batch)).isInstanceOf(IllegalArgumentException.class);

            // A later write refreshes the searcher and a commit persists: neither may surface the failed prefix.
            index.add(List.of(new VectorItem("after", new float[] {0, 1}, Map.of())));
            index.commit().close();
            assertThat(index.count()).isEqualTo(2);
            assertThat(index.find("fresh")).isEmpty();
            assertThat(index.find("late")).isEmpty();
            StoredItem keep = index.find("keep").orElseThrow();
            assertThat(keep.vector()).containsExactly(1f, 0f);
            assertThat(keep.metadata()).isEqualTo(Map.of("v", "old"));
        }
    }
}
