package com.lakehouse.vectord.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.VectorIndex;
import com.lakehouse.vectord.engine.VectorItem;

/**
 * Moves the items of one index into another: items whose id dest already has are skipped, so a
 * re-run moves nothing more (idempotent). With {@code clearSource}, the source is emptied afterwards.
 * Both indexes' write locks are held for the whole merge (taken in name order, so two opposite merges
 * cannot deadlock); searches on both go on meanwhile.
 */
final class IndexMerger {

    private static final int CHUNK = 1_000;

    MergeResult merge(VectorIndex source, VectorIndex dest, boolean clearSource) throws IOException {
        if (source.spec().dimension() != dest.spec().dimension()) {
            throw new InvalidRequestException("cannot merge: '" + source.spec().name() + "' has dimension "
                    + source.spec().dimension() + ", '" + dest.spec().name() + "' has " + dest.spec().dimension());
        }
        boolean sourceFirst = source.spec().name().compareTo(dest.spec().name()) < 0;
        VectorIndex first = sourceFirst ? source : dest;
        VectorIndex second = sourceFirst ? dest : source;
        return first.underWriteLock(() -> second.underWriteLock(() -> mergeLocked(source, dest, clearSource)));
    }

    private MergeResult mergeLocked(VectorIndex source, VectorIndex dest, boolean clearSource) throws IOException {
        Set<String> present = dest.ids();
        if (dest.spec().distance() == Distance.COSINE && source.spec().distance() != Distance.COSINE) {
            requireNonZeroNorms(source, present, dest.spec().name());
        }
        List<VectorItem> chunk = new ArrayList<>(CHUNK);
        int[] moved = {0};
        int[] skipped = {0};
        try {
            source.forEach(item -> {
                if (present.contains(item.id())) {
                    skipped[0]++;
                    return;
                }
                chunk.add(new VectorItem(item.id(), item.vector(), item.metadata()));
                moved[0]++;
                if (chunk.size() == CHUNK) {
                    addChunk(dest, chunk);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        addChunk(dest, chunk);
        if (clearSource) {
            source.deleteAll();
        }
        return new MergeResult(moved[0], skipped[0], source.count(), dest.count());
    }

    private static void addChunk(VectorIndex dest, List<VectorItem> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            dest.add(List.copyOf(chunk));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk.clear();
    }

    /** Cosine cannot rank a zero vector: refuse the merge before anything moves. */
    private static void requireNonZeroNorms(VectorIndex source, Set<String> present, String destName) throws IOException {
        source.forEach(item -> {
            if (!present.contains(item.id()) && isZero(item.vector())) {
                throw new InvalidRequestException("cannot merge: item '" + item.id()
                        + "' has a zero vector, which cosine index '" + destName + "' cannot hold");
            }
        });
    }

    private static boolean isZero(float[] vector) {
        for (float v : vector) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
