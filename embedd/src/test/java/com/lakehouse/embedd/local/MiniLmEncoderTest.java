package com.lakehouse.embedd.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UpstreamTimeoutException;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** The real model, in-process: no network, just the jar's files. */
class MiniLmEncoderTest {

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load(MiniLmEncoderTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    static double norm(float[] a) {
        return Math.sqrt(cosine(a, a));
    }

    @Test
    void vectorsAre384DimensionalUnitLengthAndRepeatable() {
        float[] v = encoder.encode("registered nurse, ICU, night shift");
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        assertThat(encoder.encode("registered nurse, ICU, night shift")).containsExactly(v);
    }

    @Test
    void matchesLangchain4jsOwnEncoderOfTheSameModel() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        String longText = "Certified forklift operator with five years of warehouse experience. ".repeat(20);
        for (String text : List.of("forklift operator with OSHA certification", "pastry chef", longText)) {
            float[] theirs = reference.embedAll(List.of(TextSegment.from(text))).content().getFirst().vector();
            assertThat(cosine(encoder.encode(text), theirs)).as(text.substring(0, 11)).isGreaterThan(0.999);
        }
    }

    @Test
    void aTextIsReadUpToTheTokenizersLimit() {
        String longText = "Night-shift order picker in a cold-storage warehouse, RF scanner experience. ".repeat(20);
        assertThat(encoder.tokenCount(longText)).isEqualTo(MiniLmEncoder.MAX_TOKENS);
        assertThat(encoder.tokenCount("order picker")).isLessThan(MiniLmEncoder.MAX_TOKENS);
        assertThat(encoder.encode(longText + " pastry chef")).containsExactly(encoder.encode(longText));
    }

    @Test
    void closeStaffingPhrasesScoreAboveUnrelatedOnes() {
        float[] forklift = encoder.encode("forklift operator with OSHA certification");
        float[] driver = encoder.encode("warehouse forklift driver, safety certified");
        float[] chef = encoder.encode("pastry chef for a french bakery");
        assertThat(cosine(forklift, driver)).isGreaterThan(cosine(forklift, chef) + 0.2);
    }

    @Test
    void aBatchOverTheTimeoutIsA504AndTheWorkersMoveOn() {
        FairChunkScheduler scheduler = new FairChunkScheduler("t", 1);
        LocalProvider provider = new LocalProvider(encoder, scheduler, 4);
        try {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                texts.add("warehouse associate number " + i);
            }
            assertThatThrownBy(() -> provider.embed(LocalProvider.MODEL, texts, Duration.ofMillis(20)))
                    .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("batch_timeout");
            assertThat(provider.embed(LocalProvider.MODEL, List.of("picker packer"), Duration.ofSeconds(30)))
                    .singleElement().satisfies(v -> assertThat(v).hasSize(384));
        } finally {
            scheduler.close();
        }
    }
}
