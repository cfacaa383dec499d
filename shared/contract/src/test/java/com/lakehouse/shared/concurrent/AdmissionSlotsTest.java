package com.lakehouse.shared.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UnavailableException;

class AdmissionSlotsTest {

    @Test
    void pastTheCapacityTheNextIsRefusedWithRetryAfterAndAReleasedSlotIsFreeAgain() {
        AdmissionSlots slots = new AdmissionSlots(2, Duration.ofMillis(10), "ingests", "[x] max_ingests");
        AdmissionSlots.Slot a = slots.acquire();
        AdmissionSlots.Slot b = slots.acquire();

        assertThatThrownBy(slots::acquire).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("all 2 slots for ingests stayed busy").hasMessageContaining("[x] max_ingests")
                .satisfies(e -> assertThat(((UnavailableException) e).headers()).containsEntry("Retry-After", "1"));
        a.close();
        a.close();
        assertThat(slots.available()).as("a double close gives back one slot").isEqualTo(1);
        slots.acquire().close();
        b.close();
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void aCapacityBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> new AdmissionSlots(0, Duration.ZERO, "x", "y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workThatFailsGivesItsSlotBack() {
        AdmissionSlots slots = new AdmissionSlots(1, Duration.ofMillis(10), "registers", "k");
        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }
}
