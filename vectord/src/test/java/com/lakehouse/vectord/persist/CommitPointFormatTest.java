package com.lakehouse.vectord.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommitPointFormatTest {

    private final Envelope envelope = new Envelope(2, "docs", 3, "cosine", new Envelope.Params(16, 200),
            List.of("a", "b"), Map.of("a", Map.of("k", "v")), List.of("_0.cfs", "segments_2"), 2);

    @Test
    void framesTheEnvelopeWithMagicAndBigEndianLength() {
        byte[] bytes = CommitPointFormat.encode(envelope);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LHV1");
        int length = ByteBuffer.wrap(bytes, 4, 4).getInt();
        assertThat(length).isEqualTo(bytes.length - 8);
        String json = new String(bytes, 8, length, StandardCharsets.UTF_8);
        assertThat(json).contains("\"version\":2", "\"ids\":[\"a\",\"b\"]", "\"ef_construction\":200", "\"files\":");
        assertThat(CommitPointFormat.decode(bytes)).isEqualTo(envelope);
    }

    @Test
    void trailingBinaryDataIsAllowed() {
        byte[] framed = CommitPointFormat.encode(envelope);
        byte[] withTail = ByteBuffer.allocate(framed.length + 5).put(framed).put(new byte[5]).array();
        assertThat(CommitPointFormat.decode(withTail).ids()).containsExactly("a", "b");
    }

    @Test
    void refusesWhatIsNotAVersionTwoCommitPoint() {
        assertThatThrownBy(() -> CommitPointFormat.decode("LHV0xxxx{}".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not an LHV1");
        assertThatThrownBy(() -> CommitPointFormat.decode(new byte[] {'L', 'H', 'V', '1', 0, 0, 1, 0, '{', '}'}))
                .hasMessageContaining("exceeds");
        byte[] v1 = CommitPointFormat.encode(new Envelope(1, "docs", 3, "cosine", null, null, null, null, 0));
        assertThatThrownBy(() -> CommitPointFormat.decode(v1)).hasMessageContaining("version 1");
    }

    @Test
    void commitPointKeysAreRecognisedAndDataFilesAreNot() {
        assertThat(RemoteKeys.indexOfCommitPoint("_vectors/docs.lhv1")).contains("docs");
        assertThat(RemoteKeys.indexOfCommitPoint("_vectors/docs/_0.lhv1")).isEmpty();
        assertThat(RemoteKeys.indexOfCommitPoint("_vectors/docs/segments_1")).isEmpty();
        assertThat(RemoteKeys.indexOfCommitPoint("other/docs.lhv1")).isEmpty();
        assertThat(RemoteKeys.file("docs", "_0.cfs")).isEqualTo("_vectors/docs/_0.cfs");
    }
}
