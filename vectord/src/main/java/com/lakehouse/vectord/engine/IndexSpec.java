package com.lakehouse.vectord.engine;

import java.util.regex.Pattern;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.UnprocessableException;

/**
 * What an index is: its name, the dimension every vector has, the distance it ranks by, and the
 * HNSW build parameters (M, the neighbours kept per node; efConstruction, the build beam width).
 */
public record IndexSpec(String name, int dimension, Distance distance, int m, int efConstruction) {

    public static final int MAX_DIMENSION = 4096;
    public static final int MAX_NAME_LENGTH = 128;
    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 200;

    /** Names become a directory and a storage key segment: no dots first, no slashes, no spaces. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /** Checks every field, so a bad spec never reaches the disk. */
    public IndexSpec {
        requireValidName(name);
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new FieldLimit("dimension", MAX_DIMENSION, null)
                    .unprocessable("is " + dimension + ", not between 1 and " + MAX_DIMENSION);
        }
        if (distance == null) {
            throw new InvalidRequestException("distance must be one of cosine, l2, dot");
        }
        if (m < 2 || m > 512) {
            throw new InvalidRequestException("m must be between 2 and 512, got " + m);
        }
        if (efConstruction < 1 || efConstruction > 3200) {
            throw new InvalidRequestException("ef_construction must be between 1 and 3200, got " + efConstruction);
        }
    }

    /** @throws UnprocessableException (422) unless the name is 1-128 of {@code [A-Za-z0-9_.-]}, starting alphanumeric */
    public static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FieldLimit("name", MAX_NAME_LENGTH, null).unprocessable("of an index must be 1-" + MAX_NAME_LENGTH
                    + " characters of letters, digits, '_', '.', '-', starting with a letter or digit");
        }
    }
}
