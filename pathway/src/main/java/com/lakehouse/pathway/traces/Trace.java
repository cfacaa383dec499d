package com.lakehouse.pathway.traces;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A memory trace (SPEC §9). Immutable: content is kept as the compact JSON text of what the
 * caller sent, so every copy handed out is as safe as the stored one.
 */
public record Trace(
        String uid,
        @JsonRawValue String content,
        List<String> tags,
        String createdAt,
        String updatedAt,
        String predecessor,
        boolean retired,
        long replayCount) {

    public Trace {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    Trace withContent(String newContent, List<String> newTags, String now) {
        return new Trace(uid, newContent, newTags == null ? tags : newTags, createdAt, now, predecessor, retired, replayCount);
    }

    Trace retire(String now) {
        return new Trace(uid, content, tags, createdAt, now, predecessor, true, replayCount);
    }

    Trace replayed(String now) {
        return new Trace(uid, content, tags, createdAt, now, predecessor, retired, replayCount + 1);
    }
}
