package com.lakehouse.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One upstream's line in {@code GET /v1/health}.
 *
 * @param status    {@code ok}; {@code degraded} when it serves but set records aside at start-up; {@code down} when it could not be reached in time; {@code error} when it
 *                  answered something other than a healthy {@code /health}
 * @param latencyMs how long the probe took
 * @param version   the version its {@code /health} reports, when it answered
 * @param error     why it is not ok, when it is not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHealth(String status, long latencyMs, String version, String error) {

    public static final String OK = "ok";
    public static final String DOWN = "down";
    public static final String ERROR = "error";
    public static final String DEGRADED = "degraded";

    public boolean healthy() {
        return OK.equals(status);
    }
}
