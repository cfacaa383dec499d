package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.util.List;

/** A dataset view as it is defined in DuckDB right now. */
public record LiveView(String name, long version, long rowCount, List<String> keys, List<Path> files) {

    public LiveView {
        keys = List.copyOf(keys);
        files = List.copyOf(files);
    }
}
