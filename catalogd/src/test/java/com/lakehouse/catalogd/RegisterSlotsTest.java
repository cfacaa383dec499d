package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UnavailableException;

/** Register slots: the one past the bound waits, then 503 with Retry-After; slots come back. */
class RegisterSlotsTest {

    @Test
    void aRegisterPastTheSlotsIs503WithRetryAfterAndTheSlotsComeBack() throws Exception {
        RegisterSlots slots = new RegisterSlots(1, Duration.ofMillis(20));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        holding.await();
        assertThatThrownBy(() -> slots.run(() -> "second"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.retryAfter()).isPresent();
                    assertThat(e).hasMessageContaining("max_concurrent_registers");
                });
        release.countDown();
        assertThat(first.get()).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedRegisterGivesItsSlotBack() {
        RegisterSlots slots = new RegisterSlots(1, Duration.ofMillis(20));
        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
