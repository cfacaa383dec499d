package com.lakehouse.queryd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.lakehouse.queryd.sandbox.ParserVerdict;

class ParserVerdictCacheTest {

    private static final ParserVerdict ONE_SELECT = new ParserVerdict(1, false, false, "");

    @Test
    void remembersAVerdictByItsExactText() {
        ParserVerdictCache cache = new ParserVerdictCache();
        cache.put("SELECT 1", ONE_SELECT);
        assertThat(cache.get("SELECT 1")).contains(ONE_SELECT);
        assertThat(cache.get("SELECT 1 ")).as("another text, even by a space").isEmpty();
        assertThat(cache.get("select 1")).isEmpty();
    }

    @Test
    void dropsTheLeastRecentlyUsedPastItsBound() {
        ParserVerdictCache cache = new ParserVerdictCache();
        cache.put("SELECT 0", ONE_SELECT);
        for (int i = 1; i <= ParserVerdictCache.MAX_ENTRIES; i++) {
            cache.get("SELECT 0");
            cache.put("SELECT " + i, ONE_SELECT);
        }
        assertThat(cache.size()).isEqualTo(ParserVerdictCache.MAX_ENTRIES);
        assertThat(cache.get("SELECT 0")).as("used on every round").isPresent();
        assertThat(cache.get("SELECT 1")).as("the least recently used").isEmpty();
    }

    @Test
    void keepsNoLongTexts() {
        ParserVerdictCache cache = new ParserVerdictCache();
        String long_ = "SELECT '" + "x".repeat(ParserVerdictCache.MAX_TEXT_CHARS) + "'";
        cache.put(long_, ONE_SELECT);
        assertThat(cache.get(long_)).isEmpty();
    }
}
