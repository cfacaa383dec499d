package com.lakehouse.shared.web;

/** Which service this process is, as {@code /health}, logs and journal events name it. */
public record ServiceIdentity(String name, String version) {
}
