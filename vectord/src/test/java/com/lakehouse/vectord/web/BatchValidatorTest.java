package com.lakehouse.vectord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.VectorItem;

class BatchValidatorTest {

    private final IndexSpec cosine = new IndexSpec("c", 3, Distance.COSINE, 16, 200);
    private final IndexSpec l2 = new IndexSpec("e", 3, Distance.L2, 16, 200);

    @Test
    void convertsAValidBatchKeepingOmittedMetadataAsNull() {
        List<VectorItem> items = BatchValidator.validate(new AddRequest(List.of(
                new AddRequest.Item("a", new double[] {1, 2, 3}, null),
                new AddRequest.Item("b", new double[] {0, 0, 1}, Map.of()))), cosine);
        assertThat(items).extracting(VectorItem::id).containsExactly("a", "b");
        assertThat(items.get(0).vector()).containsExactly(1f, 2f, 3f);
        assertThat(items.get(0).metadata()).isNull();
        assertThat(items.get(1).metadata()).isEmpty();
    }

    @Test
    void namesTheFirstBadItemByPositionAndId() {
        assertBad(cosine, "items[1] has an empty id", ok(), new AddRequest.Item("", new double[] {1, 0, 0}, null));
        assertBad(cosine, "items[1] (id 'x') has 2 dimensions", ok(), new AddRequest.Item("x", new double[] {1, 0}, null));
        assertBad(cosine, "items[0] (id 'x') has a non-finite value at position 1",
                new AddRequest.Item("x", new double[] {1, Double.NaN, 0}, null));
        assertBad(cosine, "items[0] (id 'x') has a non-finite value at position 2",
                new AddRequest.Item("x", new double[] {1, 0, 1e300}, null));
        assertBad(cosine, "items[0] (id 'x') has a zero vector", new AddRequest.Item("x", new double[3], null));
        assertBad(cosine, "items[0] (id 'x') has no vector", new AddRequest.Item("x", null, null));
        assertThat(BatchValidator.validate(new AddRequest(List.of(new AddRequest.Item("z", new double[3], null))), l2))
                .hasSize(1);
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> BatchValidator.validate(new AddRequest(List.of()), cosine))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("non-empty");
    }

    @Test
    void aQueryVectorIsCheckedTheSameWay() {
        assertThatThrownBy(() -> BatchValidator.toFloats(new double[] {1, 2}, cosine, -1, null))
                .hasMessage("vector has 2 dimensions, index 'c' expects 3");
    }

    private static AddRequest.Item ok() {
        return new AddRequest.Item("ok", new double[] {1, 0, 0}, null);
    }

    private static void assertBad(IndexSpec spec, String message, AddRequest.Item... items) {
        assertThatThrownBy(() -> BatchValidator.validate(new AddRequest(Arrays.asList(items)), spec))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith(message);
    }
}
