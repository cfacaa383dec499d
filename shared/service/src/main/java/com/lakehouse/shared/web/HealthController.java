package com.lakehouse.shared.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.shared.health.HealthState;

/**
 * {@code GET /health} of every service (SPEC §2); never behind auth. It tells the truth: {@code ok},
 * {@code degraded} (200, records quarantined at start-up) or {@code failing} (503, a part whose
 * state did not load), as the service's {@link HealthState} says.
 */
@RestController
public class HealthController {

    /** The wire shape of {@code /health}; the last two fields only when not {@code ok}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, String service, String version, Long quarantined, List<String> problems) {
    }

    private final ServiceIdentity identity;
    private final HealthState state;

    public HealthController(ServiceIdentity identity, HealthState state) {
        this.identity = identity;
        this.state = state;
    }

    @GetMapping("/health")
    ResponseEntity<Health> health() {
        HealthState.Snapshot snapshot = state.snapshot();
        if (HealthState.OK.equals(snapshot.status())) {
            return ResponseEntity.ok(new Health(snapshot.status(), identity.name(), identity.version(), null, null));
        }
        Health body = new Health(snapshot.status(), identity.name(), identity.version(), snapshot.quarantined(),
                snapshot.problems());
        return ResponseEntity.status(snapshot.failing() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
    }
}
