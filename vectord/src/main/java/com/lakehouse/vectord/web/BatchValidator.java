package com.lakehouse.vectord.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.VectorItem;

/**
 * Checks a whole batch before anything is written (SPEC §7: all-or-nothing): every item needs a
 * non-empty id and a vector of exactly the index's dimension whose values are finite as 32-bit
 * floats, with a non-zero norm under cosine, and ids and metadata within {@link ItemLimits}. The
 * first failure names the item's position (and id, when that is within its bound).
 */
final class BatchValidator {

    private BatchValidator() {
    }

    static List<VectorItem> validate(AddRequest request, IndexSpec spec) {
        return validate(request, spec, ItemLimits.DEFAULTS);
    }

    /** As {@link #validate(AddRequest, IndexSpec)}, with the bounds of {@link ItemLimits} on count, ids and metadata. */
    static List<VectorItem> validate(AddRequest request, IndexSpec spec, ItemLimits limits) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw new InvalidRequestException("items must be a non-empty list");
        }
        limits.checkBatchSize(request.items().size());
        List<VectorItem> items = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            AddRequest.Item item = request.items().get(i);
            if (item == null) {
                throw invalid(i, null, "is null");
            }
            if (item.id() == null || item.id().isEmpty()) {
                throw invalid(i, null, "has an empty id");
            }
            limits.checkId("items[" + i + "].id", item.id());
            limits.checkMetadata("items[" + i + "].metadata", item.metadata());
            float[] vector = toFloats(item.vector(), spec, i, item.id());
            items.add(new VectorItem(item.id(), vector, item.metadata()));
        }
        return items;
    }

    /** Converts one query or item vector, refusing wrong dimension and non-finite values. */
    static float[] toFloats(double[] values, IndexSpec spec, int item, String id) {
        if (values == null) {
            throw invalid(item, id, "has no vector");
        }
        if (values.length != spec.dimension()) {
            throw invalid(item, id, "has " + values.length + " dimensions, index '" + spec.name() + "' expects "
                    + spec.dimension());
        }
        float[] vector = new float[values.length];
        double norm = 0;
        for (int d = 0; d < values.length; d++) {
            float v = (float) values[d];
            if (!Float.isFinite(v)) {
                throw invalid(item, id, "has a non-finite value at position " + d + " (NaN, infinite, or beyond the float range)");
            }
            vector[d] = v;
            norm += (double) v * v;
        }
        if (norm == 0 && spec.distance() == Distance.COSINE) {
            throw invalid(item, id, "has a zero vector, which has no direction under cosine distance");
        }
        return vector;
    }

    private static InvalidRequestException invalid(int item, String id, String problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        String subject;
        if (item < 0) {
            subject = "vector";
        } else {
            details.put("item", item);
            subject = "items[" + item + "]";
            if (id != null) {
                details.put("id", id);
                subject += " (id '" + id + "')";
            }
        }
        return new InvalidRequestException(subject + " " + problem, details);
    }
}
