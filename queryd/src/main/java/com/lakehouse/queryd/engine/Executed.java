package com.lakehouse.queryd.engine;

/** A reader's output and how long the statement took, from the start of execution to the last row read. */
public record Executed<T>(T value, long elapsedMs) {
}
