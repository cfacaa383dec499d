package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

/** Every field of a mutation and a search is bounded before anything reaches the log (issue 20). */
class TraceBoundsTest {

    @TempDir
    Path dir;

    private TraceLog log;
    private TraceStore store;
    private Trace existing;

    @BeforeEach
    void open() {
        log = new TraceLog(dir.resolve("traces.jsonl"), false);
        store = new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC(), null, new TraceBounds(100, 3, 2, 8, 16));
        existing = store.add(json("{\"a\":1}"), List.of("t"), false).trace();
    }

    @AfterEach
    void close() throws IOException {
        log.close();
    }

    private static JsonNode json(String text) {
        return LakehouseJson.mapper().readTree(text);
    }

    private void assertRefusedAndLogUntouched(Runnable mutation, Class<? extends LakehouseException> type, String field,
            int limit) throws IOException {
        String before = Files.readString(log.file());
        assertThatThrownBy(mutation::run).isInstanceOf(type).hasMessageContaining(field)
                .satisfies(e -> assertThat(((LakehouseException) e).details())
                        .containsEntry("field", field).containsEntry("limit", limit));
        assertThat(Files.readString(log.file())).isEqualTo(before);
        assertThat(store.get(existing.uid())).isEqualTo(existing);
    }

    @Test
    void contentOverItsBytesIs413OnEveryMutation() throws IOException {
        JsonNode big = json("\"" + "x".repeat(200) + "\"");
        assertRefusedAndLogUntouched(() -> store.add(big, null, false), PayloadTooLargeException.class, "content", 100);
        assertRefusedAndLogUntouched(() -> store.update(existing.uid(), big, null), PayloadTooLargeException.class,
                "content", 100);
        assertRefusedAndLogUntouched(() -> store.revise(existing.uid(), big, null), PayloadTooLargeException.class,
                "content", 100);
    }

    @Test
    void contentNestedTooDeepIs422() throws IOException {
        assertRefusedAndLogUntouched(() -> store.add(json("[[[[1]]]]"), null, false), UnprocessableException.class,
                "content", 3);
        store.add(json("[[[1]]]"), null, false);
    }

    @Test
    void aTagOverItsBytesIs413NamingTheTag() throws IOException {
        assertRefusedAndLogUntouched(() -> store.add(json("1"), List.of("ok", "123456789"), false),
                PayloadTooLargeException.class, "tags[1]", 8);
        assertRefusedAndLogUntouched(() -> store.update(existing.uid(), json("1"), List.of("éééé" + "é")),
                PayloadTooLargeException.class, "tags[0]", 8);
    }

    @Test
    void aTagLongerThanTheIndexLongestTermIsRefusedBeforeTheLog() throws IOException {
        TraceStore defaults = new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC());
        String huge = "t".repeat(TraceBounds.LUCENE_MAX_TERM_BYTES + 1);
        String before = Files.readString(log.file());
        assertThatThrownBy(() -> defaults.add(json("1"), List.of(huge), false))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("tags[0]")
                .hasMessageContaining("max_tag_bytes");
        assertThat(Files.readString(log.file())).isEqualTo(before);
    }

    @Test
    void tooManyTagsIs413() throws IOException {
        assertRefusedAndLogUntouched(() -> store.revise(existing.uid(), json("1"), List.of("a", "b", "c")),
                PayloadTooLargeException.class, "tags", 2);
    }

    @Test
    void searchQueryAndTagFilterAreBounded() {
        assertThatThrownBy(() -> store.search("q".repeat(17), null, 10)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> store.search("q", Collections.nCopies(3, "a"), 10))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("tags");
        assertThat(store.search("q".repeat(16), List.of("t"), 10)).isEmpty();
    }
}
