package com.lakehouse.shared.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthStateTest {

    @Test
    void okUntilSomethingIsReported() {
        HealthState state = new HealthState();
        assertThat(state.snapshot().status()).isEqualTo(HealthState.OK);
        assertThat(state.snapshot().problems()).isEmpty();
    }

    @Test
    void quarantinedRecordsDegradeAndAreCountedPerSource() {
        HealthState state = new HealthState();
        state.quarantined("trace log", "quarantine/traces.1.jsonl", "tag too long");
        state.quarantined("trace log", "quarantine/traces.2.jsonl", "not JSON");
        state.quarantined("indexes", "_vectors/x", "bad header");
        HealthState.Snapshot snapshot = state.snapshot();
        assertThat(snapshot.status()).isEqualTo(HealthState.DEGRADED);
        assertThat(snapshot.quarantined()).isEqualTo(3);
        assertThat(snapshot.bySource()).containsEntry("trace log", 2L).containsEntry("indexes", 1L);
        assertThat(snapshot.failing()).isFalse();
    }

    @Test
    void aFailureWinsOverQuarantineUntilRecovered() {
        HealthState state = new HealthState();
        state.quarantined("trace log", "q", "r");
        state.failed("catalog state", "could not read _catalog/state.json");
        assertThat(state.snapshot().status()).isEqualTo(HealthState.FAILING);
        assertThat(state.snapshot().problems()).contains("catalog state: could not read _catalog/state.json");
        state.recovered("catalog state");
        assertThat(state.snapshot().status()).isEqualTo(HealthState.DEGRADED);
    }
}
