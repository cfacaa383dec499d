package com.lakehouse.shared.boot;

/** Startup refused because the service would listen beyond loopback without the operator's say-so. */
public class BindRefusedException extends RuntimeException {

    public BindRefusedException(String message) {
        super(message);
    }
}
