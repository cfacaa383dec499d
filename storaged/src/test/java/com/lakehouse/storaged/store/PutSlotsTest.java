package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.concurrent.AdmissionSlots;
import com.lakehouse.shared.error.UnavailableException;

class PutSlotsTest {

    private final PutSlots slots = new PutSlots(1, 1, Duration.ZERO);

    @Test
    void outsideUploadsHoldingAllTheirsDoNotBlockTheFleet() {
        try (AdmissionSlots.Slot outside = slots.acquire(false)) {
            assertThatThrownBy(() -> slots.acquire(false)).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("slots for uploads stayed busy").hasMessageContaining("max_concurrent_puts")
                    .satisfies(e -> assertThat(((UnavailableException) e).headers()).containsEntry("Retry-After", "1"));
            try (AdmissionSlots.Slot fleet = slots.acquire(true)) {
                assertThatThrownBy(() -> slots.acquire(true)).isInstanceOf(UnavailableException.class)
                        .hasMessageContaining("reserved for the fleet").hasMessageContaining("fleet_put_slots");
            }
        }
        try (AdmissionSlots.Slot again = slots.acquire(false)) {
            assertThat(again).isNotNull();
        }
    }
}
