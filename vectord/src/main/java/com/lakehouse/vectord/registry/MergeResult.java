package com.lakehouse.vectord.registry;

/** Outcome of a merge: items moved, items skipped because dest had their id, and the counts after. */
public record MergeResult(int moved, int skipped, int sourceCount, int destCount) {
}
