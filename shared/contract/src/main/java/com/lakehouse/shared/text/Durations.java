package com.lakehouse.shared.text;

import java.time.Duration;

/** Durations in messages, written the way config writes them: {@code 30s}, {@code 1500ms}. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
