package com.lakehouse.shared.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UnavailableException;

class AdmissionSlotsTest {

    @Test
    void pastTheCapacityTheNextIsRefusedWithRetryAfterAndAReleasedSlotIsFreeAgain() {
        AdmissionSlots slots = new AdmissionSlots(2, Duration.ofMillis(10), "ingests");
        AdmissionSlots.Slot a = slots.acquire();
        AdmissionSlots.Slot b = slots.acquire();

        assertThatThrownBy(slots::acquire).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("all 2 slots for ingests are busy")
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
        assertThatThrownBy(() -> new AdmissionSlots(0, Duration.ZERO, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
