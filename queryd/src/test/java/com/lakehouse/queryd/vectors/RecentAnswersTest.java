package com.lakehouse.queryd.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    private final RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofSeconds(30), 2, now::get);

    private Integer fetch(String key) {
        fetches.incrementAndGet();
        return key.length();
    }

    @Test
    void anAnswerIsKeptForItsMaxAgeThenAskedAgain() {
        assertThat(answers.get("abc", this::fetch)).isEqualTo(3);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(answers.get("abc", this::fetch)).isEqualTo(3);
        assertThat(answers.holds("abc")).isTrue();
        assertThat(fetches).hasValue(1);
        now.addAndGet(1);
        assertThat(answers.holds("abc")).isFalse();
        answers.get("abc", this::fetch);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aForgottenAnswerIsAskedAgain() {
        answers.get("abc", this::fetch);
        answers.forget("abc");
        assertThat(answers.holds("abc")).isFalse();
        answers.get("abc", this::fetch);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFetchIsNotKept() {
        assertThatThrownBy(() -> answers.get("abc", key -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");
        assertThat(answers.holds("abc")).isFalse();
    }

    @Test
    void pastItsBoundItStartsOver() {
        answers.get("a", this::fetch);
        answers.get("bb", this::fetch);
        answers.get("ccc", this::fetch);
        assertThat(answers.holds("ccc")).isTrue();
        assertThat(answers.holds("a")).isFalse();
        assertThat(answers.holds("bb")).isFalse();
    }
}
