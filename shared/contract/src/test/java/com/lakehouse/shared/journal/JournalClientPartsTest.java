package com.lakehouse.shared.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A batch of large events goes as several requests under observerd's body cap, in order. */
class JournalClientPartsTest {

    private static JournalEvent event(int valueChars) {
        return new JournalEvent("id", "t", "trace", "u", null, "add", null, "x".repeat(valueChars), "a", "pathway");
    }

    @Test
    void smallBatchesStayWhole() {
        List<JournalEvent> batch = Collections.nCopies(500, event(10));
        assertThat(JournalClient.parts(batch, JournalClient.MAX_REQUEST_CHARS)).containsExactly(batch);
    }

    @Test
    void largeValuesAreSplitAndEveryEventIsSentOnceInOrder() {
        List<JournalEvent> batch = Collections.nCopies(500, event(262_144));
        List<List<JournalEvent>> parts = JournalClient.parts(batch, JournalClient.MAX_REQUEST_CHARS);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(500);
        assertThat(parts).allSatisfy(p -> assertThat(p.size()).isLessThanOrEqualTo(8));
    }

    @Test
    void anEventLargerThanThePartStillGoesAlone() {
        assertThat(JournalClient.parts(List.of(event(10), event(100), event(10)), 50)).hasSize(3);
    }
}
